package dev.ferro;

import dev.ferro.spi.FerroProvider;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The entry point: one database, its models, its transactions.
 *
 * <p>In CDI, {@code @Inject Ferro ferro}; without CDI, {@link #connect(String, FerroOptions)}.
 * A {@code Ferro} is thread-safe. Outside {@link #transaction} every call runs and commits on its own.
 */
public interface Ferro extends AutoCloseable {

    /** Connects with default options: no schema step, a pool of up to 10 connections. */
    static Ferro connect(String url) {
        return connect(url, FerroOptions.defaults());
    }

    /**
     * Connects to a JDBC URL ({@code jdbc:h2:}, {@code jdbc:postgresql:}, {@code jdbc:mariadb:},
     * {@code jdbc:mysql:}, {@code jdbc:sqlite:}) through the implementation found by
     * {@link FerroProvider#find()}.
     */
    static Ferro connect(String url, FerroOptions options) {
        return FerroProvider.find().connect(url, options);
    }

    /**
     * Uses a DataSource the caller owns (a container's, by JNDI) instead of Ferro's own pool;
     * {@link #close()} leaves it open. The dialect is read from the connection's metadata.
     */
    static Ferro connect(javax.sql.DataSource dataSource, FerroOptions options) {
        return FerroProvider.find().connect(dataSource, options);
    }

    /** The query object of a model. */
    <M> Query<M> query(Class<M> model);

    /**
     * Validates the model, then inserts it when its key is unset, else updates its row by key
     * (inserting it when no row has that key). No SELECT runs first. Returns the model.
     */
    <M> M save(M model);

    /**
     * Deletes the model's row by key and evicts it from the identity map.
     *
     * @throws ModelNotFoundException when no row has that key
     */
    <M> void delete(M model);

    /**
     * Reloads the model's columns from its row, in place.
     *
     * @throws ModelNotFoundException when no row has that key
     */
    <M> M refresh(M model);

    /**
     * Runs {@code work} in a transaction: commits when it returns, rolls back and rethrows when it
     * throws. A nested call runs in a savepoint: its failure rolls back only its own work.
     */
    void transaction(Runnable work);

    /** {@link #transaction(Runnable)} that returns the work's result. */
    <T> T transaction(Supplier<T> work);

    /**
     * {@link #transaction(Runnable)} with an isolation level, read-only, and retries: when a
     * {@link TransientDataAccessException} leaves an outermost block, it is rolled back and run again,
     * up to {@code options.retries()} more times, after a short jittered pause; then the last failure
     * is thrown. A connection lost during the commit itself is never retried (its outcome is unknown).
     */
    void transaction(TransactionOptions options, Runnable work);

    /** {@link #transaction(TransactionOptions, Runnable)} that returns the work's result. */
    <T> T transaction(TransactionOptions options, Supplier<T> work);

    /** Whether the current thread is inside {@link #transaction}. */
    boolean inTransaction();

    /** Runs one SQL statement with bound {@code ?} parameters; returns the update count. */
    int execute(String sql, Object... args);

    /** Runs a query with bound {@code ?} parameters; each row maps column labels (lower case) to values. */
    List<Map<String, Object>> fetchAll(String sql, Object... args);

    /** The first row of {@link #fetchAll}, if any. */
    Optional<Map<String, Object>> fetchOne(String sql, Object... args);

    /**
     * The rows of a query, read from the database as the stream is consumed, a fetch size at a time
     * ({@link FerroOptions#fetchSize}), so that a result of any size reads in bounded memory. Close it
     * (try-with-resources): it holds a connection until it is closed or read to the end. Inside a
     * transaction it reads on the transaction's connection.
     */
    Stream<Map<String, Object>> stream(String sql, Object... args);

    /** Creates, drops and checks the tables of the models. */
    Schema schema();

    /** Closes the connection pool. */
    @Override
    void close();
}
