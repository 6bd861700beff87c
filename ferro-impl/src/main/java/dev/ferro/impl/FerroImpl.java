package dev.ferro.impl;

import dev.ferro.Ferro;
import dev.ferro.FerroException;
import dev.ferro.FerroOptions;
import dev.ferro.Migrations;
import dev.ferro.Query;
import dev.ferro.Schema;
import dev.ferro.SchemaMode;
import dev.ferro.TransactionOptions;
import dev.ferro.impl.execution.ErrorTranslator;
import dev.ferro.impl.execution.Executor;
import dev.ferro.impl.execution.StatementTimeouts;
import dev.ferro.impl.metadata.ColumnTypes;
import dev.ferro.impl.metadata.ModelRegistry;
import dev.ferro.impl.schema.FlywayMigrations;
import dev.ferro.impl.schema.SchemaManager;
import dev.ferro.impl.sql.Dialect;
import dev.ferro.impl.transaction.TransactionManager;
import dev.ferro.impl.validation.ModelValidator;
import dev.ferro.spi.ModelIndex;
import dev.ferro.spi.OuterTransactions;
import dev.ferro.spi.UnitOfWorkScope;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The reference {@link Ferro}, a facade: wires the registry, dialect, executor, transactions, schema and
 * model {@link Operations} of one database, and hands each call to the one that does it.
 */
public final class FerroImpl implements Ferro {
    private static final Logger LOG = Logger.getLogger(FerroImpl.class.getName());

    private final AutoCloseable ownedPool;
    private final Dialect dialect;
    private final ModelRegistry registry;
    private final Executor executor;
    private final TransactionManager transactions;
    private final ModelValidator validator;
    private final SchemaManager schema;
    private final RawSql raw;
    private final Operations operations;
    private final StatementTimeouts timeouts;

    /**
     * @param ownedPool closed by {@link #close()}; null when the caller owns the DataSource
     * @param poolExhaustion reads a failure to get a connection as the pool's exhaustion, or returns null
     */
    FerroImpl(DataSource dataSource, AutoCloseable ownedPool, Dialect dialect, FerroOptions options, UnitOfWorkScope scope,
              OuterTransactions external, Function<SQLException, FerroException> poolExhaustion) {
        boolean makesTables = options.schema() == SchemaMode.CREATE || options.schema() == SchemaMode.UPDATE;
        if (makesTables && options.migrations().mode() != Migrations.Mode.NONE) {
            throw new IllegalArgumentException("The schema step " + options.schema() + " (ferro.schema="
                    + options.schema().name().toLowerCase(java.util.Locale.ROOT) + ") cannot go with migrations (ferro.migrations="
                    + options.migrations().mode().name().toLowerCase(java.util.Locale.ROOT) + "): the migration scripts make the"
                    + " tables; leave the schema step at none or validate");
        }
        this.ownedPool = ownedPool;
        this.dialect = dialect;
        ColumnTypes types = ColumnTypes.withServices(options.types());
        this.registry = new ModelRegistry(dialect, types);
        int fetchSize = options.fetchSize();
        this.timeouts = new StatementTimeouts(options.statementTimeout(), dialect::cancel);
        this.executor = new Executor(dialect, new ErrorTranslator(dialect, poolExhaustion), timeouts, options.listeners());
        this.transactions = new TransactionManager(dataSource, executor, scope, external);
        this.validator = new ModelValidator(options.validatorFactory(), dialect);
        this.schema = new SchemaManager(registry, dialect, transactions, executor);
        this.raw = new RawSql(dialect, types, executor, transactions, fetchSize);
        this.operations = new Operations(registry, dialect, executor, transactions, validator, fetchSize);
        List<Class<?>> models = options.models().isEmpty()
                ? ModelIndex.models(contextLoader())
                : options.models();
        try {
            registry.declare(models);
            if (options.migrations().mode() != Migrations.Mode.NONE) {
                FlywayMigrations.run(options.migrations(), dataSource, dialect.name(), contextLoader());
                if (options.schema() != SchemaMode.VALIDATE) {
                    schema.validate(); // else the schema step below does it
                }
            }
            switch (options.schema()) {
                case CREATE -> schema.create();
                case UPDATE -> schema.update();
                case VALIDATE -> schema.validate();
                case NONE -> { }
            }
        } catch (RuntimeException | Error e) {
            timeouts.close();
            validator.close();
            throw e;
        }
        LOG.fine(() -> "Ferro started on " + dialect.name() + " with " + models.size() + " models, " + options);
    }

    /** Names the database, for the logs of integrations that hold a {@link Ferro}. */
    @Override
    public String toString() {
        return "Ferro on " + dialect.name();
    }

    @Override
    public <M> Query<M> query(Class<M> model) {
        return operations.query(Objects.requireNonNull(model, "model"));
    }

    @Override
    public <M> M save(M model) {
        return operations(model).save(model);
    }

    @Override
    public <M> void delete(M model) {
        operations(model).delete(model);
    }

    @Override
    public <M> M refresh(M model) {
        return operations(model).refresh(model);
    }

    @Override
    public void transaction(Runnable work) {
        Objects.requireNonNull(work, "work");
        transactions.transaction(() -> {
            work.run();
            return null;
        });
    }

    @Override
    public <T> T transaction(Supplier<T> work) {
        return transactions.transaction(Objects.requireNonNull(work, "work"));
    }

    @Override
    public void transaction(TransactionOptions options, Runnable work) {
        Objects.requireNonNull(work, "work");
        transactions.transaction(Objects.requireNonNull(options, "options"), () -> {
            work.run();
            return null;
        });
    }

    @Override
    public <T> T transaction(TransactionOptions options, Supplier<T> work) {
        return transactions.transaction(Objects.requireNonNull(options, "options"), Objects.requireNonNull(work, "work"));
    }

    @Override
    public boolean inTransaction() {
        return transactions.inTransaction();
    }

    @Override
    public int execute(String sql, Object... args) {
        return raw.execute(sql, args);
    }

    @Override
    public List<Map<String, Object>> fetchAll(String sql, Object... args) {
        return raw.fetchAll(sql, args);
    }

    @Override
    public Optional<Map<String, Object>> fetchOne(String sql, Object... args) {
        List<Map<String, Object>> rows = raw.fetchAll(sql, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    @Override
    public Stream<Map<String, Object>> stream(String sql, Object... args) {
        return raw.stream(sql, args);
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public void close() {
        validator.close();
        timeouts.close();
        if (ownedPool != null) {
            try {
                ownedPool.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Closing the connection pool failed", e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private <M> ModelOperations<M> operations(M model) {
        Objects.requireNonNull(model, "model");
        return operations((Class<M>) model.getClass());
    }

    /** The reads and writes of a model class. */
    <M> ModelOperations<M> operations(Class<M> model) {
        return operations.of(model);
    }

    private static ClassLoader contextLoader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : FerroImpl.class.getClassLoader();
    }
}
