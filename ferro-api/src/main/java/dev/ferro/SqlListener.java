package dev.ferro;

/**
 * Told about each statement Ferro sends: for logging, metrics and counting statements in tests.
 * Called on the thread that ran the statement, after it ran.
 */
@FunctionalInterface
public interface SqlListener {

    /** The transaction commands Ferro gives a connection, which are not SQL statements of their own in JDBC. */
    enum TransactionCommand {
        /** Autocommit turned off: the next statement starts a transaction. */
        BEGIN,
        COMMIT,
        ROLLBACK,
        SAVEPOINT,
        RELEASE_SAVEPOINT,
        ROLLBACK_TO_SAVEPOINT
    }

    /**
     * @param sql the statement text, with {@code ?} for every value
     * @param batchSize how many parameter sets ran ({@code 1} unless it was a JDBC batch)
     */
    void executed(String sql, int batchSize);

    /** A transaction command, after it was given; nothing by default. */
    default void transaction(TransactionCommand command) {
    }
}
