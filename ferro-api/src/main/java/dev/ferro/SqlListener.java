package dev.ferro;

/**
 * Told about each statement Ferro sends: for logging, metrics and counting statements in tests.
 * Called on the thread that ran the statement, after it ran.
 */
@FunctionalInterface
public interface SqlListener {

    /**
     * @param sql the statement text, with {@code ?} for every value
     * @param batchSize how many parameter sets ran ({@code 1} unless it was a JDBC batch)
     */
    void executed(String sql, int batchSize);
}
