package dev.ferro.impl;

import dev.ferro.DataAccessException;
import dev.ferro.Ferro;
import dev.ferro.FerroOptions;
import dev.ferro.impl.metadata.FieldMetadata;
import dev.ferro.impl.metadata.ModelReader;
import dev.ferro.impl.pool.PoolFactory;
import dev.ferro.impl.sql.Dialect;
import dev.ferro.impl.sql.Dialects;
import dev.ferro.impl.transaction.ExternalTransactions;
import dev.ferro.impl.transaction.UnitOfWorkScope;
import dev.ferro.spi.FerroProvider;
import io.agroal.api.AgroalDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/** Found by {@link java.util.ServiceLoader} from {@link Ferro#connect}. */
public final class FerroProviderImpl implements FerroProvider {
    /** Each model class's id field, read once, for {@code Ref.of(model).id()}. */
    private static final ClassValue<FieldMetadata> IDS = new ClassValue<>() {
        @Override
        protected FieldMetadata computeValue(Class<?> type) {
            return ModelReader.readId(type);
        }
    };

    @Override
    public Object idOf(Object model) {
        FieldMetadata id = IDS.get(Objects.requireNonNull(model, "model").getClass());
        Object value = id.get(model);
        return id.isUnset(value) ? null : value;
    }

    @Override
    public Ferro connect(String url, FerroOptions options) {
        return connect(url, options, UnitOfWorkScope.NONE);
    }

    @Override
    public Ferro connect(DataSource dataSource, FerroOptions options) {
        return connect(dataSource, options, UnitOfWorkScope.NONE, ExternalTransactions.NONE);
    }

    /** Connects with Ferro's own pool; {@code scope} binds units of work to a context (the CDI extension's). */
    public static FerroImpl connect(String url, FerroOptions options, UnitOfWorkScope scope) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(options, "options");
        Dialect dialect = Dialects.forUrl(url);
        AgroalDataSource pool = PoolFactory.create(url, options, dialect);
        try {
            return new FerroImpl(pool, pool, dialect, options, scope, ExternalTransactions.NONE,
                    failure -> PoolFactory.exhaustion(failure, options));
        } catch (RuntimeException | Error e) {
            pool.close();
            throw e;
        }
    }

    /**
     * Connects through a DataSource the caller owns; {@code scope} as for the URL variant, and
     * {@code external} tells when the DataSource's connections take part in an outer (JTA) transaction.
     */
    public static FerroImpl connect(DataSource dataSource, FerroOptions options, UnitOfWorkScope scope,
                                    ExternalTransactions external) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(options, "options");
        Dialect dialect;
        try (Connection connection = dataSource.getConnection()) {
            dialect = Dialects.forProductName(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new DataAccessException("Cannot connect through the given DataSource", e);
        }
        // The DataSource's own pool says nothing Ferro can read as exhaustion: its failures stay as they are.
        return new FerroImpl(dataSource, null, dialect, options, scope, external, failure -> null);
    }
}
