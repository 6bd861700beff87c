package dev.ferro.impl;

import dev.ferro.DataAccessException;
import dev.ferro.Ferro;
import dev.ferro.FerroOptions;
import dev.ferro.ModelDefinitionException;
import dev.ferro.impl.metadata.ColumnTypes;
import dev.ferro.impl.metadata.FieldMetadata;
import dev.ferro.impl.metadata.ModelReader;
import dev.ferro.impl.metadata.ModelRegistry;
import dev.ferro.impl.pool.PoolFactory;
import dev.ferro.impl.sql.Dialect;
import dev.ferro.impl.sql.Dialects;
import dev.ferro.spi.FerroProvider;
import dev.ferro.spi.OuterTransactions;
import dev.ferro.spi.UnitOfWorkScope;
import io.agroal.api.AgroalDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** Found by {@link java.util.ServiceLoader} from {@link Ferro#connect} and the CDI extension. */
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
    public List<ModelDefinitionException> problems(Collection<Class<?>> models) {
        return new ModelRegistry(ColumnTypes.withServices(List.of())).problems(models);
    }

    /** With Ferro's own pool. */
    @Override
    public Ferro connect(String url, FerroOptions options, UnitOfWorkScope scope) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(scope, "scope");
        Dialect dialect = options.dialect() != null ? Dialects.named(options.dialect()) : Dialects.forUrl(url);
        AgroalDataSource pool = PoolFactory.create(url, options, dialect);
        try {
            return new FerroImpl(pool, pool, dialect, options, scope, OuterTransactions.NONE,
                    failure -> PoolFactory.exhaustion(failure, options));
        } catch (RuntimeException | Error e) {
            pool.close();
            throw e;
        }
    }

    @Override
    public Ferro connect(DataSource dataSource, FerroOptions options, UnitOfWorkScope scope, OuterTransactions outer) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(outer, "outer");
        Dialect dialect;
        try (Connection connection = dataSource.getConnection()) {
            dialect = options.dialect() != null ? Dialects.named(options.dialect())
                    : Dialects.forProductName(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new DataAccessException("Cannot connect through the given DataSource", e);
        }
        // The DataSource's own pool says nothing Ferro can read as exhaustion: its failures stay as they are.
        return new FerroImpl(dataSource, null, dialect, options, scope, outer, failure -> null);
    }
}
