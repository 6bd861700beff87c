package dev.ferro.impl.execution;

import dev.ferro.FerroException;
import dev.ferro.Isolation;
import dev.ferro.SqlListener;
import dev.ferro.SqlListener.TransactionCommand;
import dev.ferro.impl.metadata.ModelMetadata;
import dev.ferro.impl.sql.Dialect;
import dev.ferro.impl.sql.Statement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where Ferro talks JDBC: every statement (queries, writes, batches, relations,
 * prefetch, raw SQL, schema) and every transaction command (begin, commit, rollback, savepoints)
 * runs here, so that the statement timeout, error translation and the {@link SqlListener}s apply
 * to all of them. It holds no connection itself; callers pass the unit of work's.
 */
public final class Executor {
    private static final Logger LOG = Logger.getLogger(Executor.class.getName());

    /** Reads a whole result set. */
    @FunctionalInterface
    public interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /** Binds and runs a prepared statement, and returns what the caller needs of it. */
    @FunctionalInterface
    public interface Call<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    /** Prepares a statement; {@link #PLAIN} unless generated keys are wanted. */
    @FunctionalInterface
    public interface Prepare {
        PreparedStatement prepare(Connection connection, String sql) throws SQLException;
    }

    public static final Prepare PLAIN = Connection::prepareStatement;

    private final Dialect dialect;
    private final ErrorTranslator translator;
    private final StatementTimeouts timeouts;
    private final SqlListener[] listeners;

    public Executor(Dialect dialect, ErrorTranslator translator, StatementTimeouts timeouts, List<SqlListener> listeners) {
        this.dialect = dialect;
        this.translator = translator;
        this.timeouts = timeouts;
        this.listeners = listeners.toArray(SqlListener[]::new);
    }

    public Dialect dialect() {
        return dialect;
    }

    public ErrorTranslator translator() {
        return translator;
    }

    // ---------------------------------------------------------------- statements

    // query and update are written out rather than expressed through execute: they are the hot
    // paths, and a capturing lambda per call would cost an allocation there.

    public <T> T query(Connection connection, Statement statement, Rows<T> rows, ModelMetadata<?> model, String action) {
        StatementTimeouts.Guard guard = null;
        try (PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
            statement.bind(prepared);
            guard = timeouts.start(prepared, connection);
            try (ResultSet resultSet = prepared.executeQuery()) {
                executed(statement.sql(), 1);
                return rows.read(resultSet);
            } finally {
                guard.stop();
            }
        } catch (SQLException e) {
            throw failure(e, guard, model, action);
        }
    }

    public int update(Connection connection, Statement statement, ModelMetadata<?> model, String action) {
        StatementTimeouts.Guard guard = null;
        try (PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
            statement.bind(prepared);
            guard = timeouts.start(prepared, connection);
            int count;
            try {
                count = prepared.executeUpdate();
            } finally {
                guard.stop();
            }
            executed(statement.sql(), 1);
            return count;
        } catch (SQLException e) {
            throw failure(e, guard, model, action);
        }
    }

    /**
     * Any other statement: prepares {@code sql} with {@code prepare}, lets {@code call} bind and run it
     * (an update returning keys, a batch, DDL), and reports it as {@code batchSize} parameter sets.
     */
    public <T> T execute(Connection connection, String sql, int batchSize, Prepare prepare, Call<T> call,
                         ModelMetadata<?> model, String action) {
        StatementTimeouts.Guard guard = null;
        try (PreparedStatement prepared = prepare.prepare(connection, sql)) {
            guard = timeouts.start(prepared, connection);
            T result;
            try {
                result = call.run(prepared);
            } finally {
                guard.stop();
            }
            executed(sql, batchSize);
            return result;
        } catch (SQLException e) {
            throw failure(e, guard, model, action);
        }
    }

    /**
     * Opens a result set to be read row by row after this returns (a stream): the statement runs with
     * {@code fetchSize}, under the timeout until its first rows arrive. The caller closes the cursor.
     */
    public Cursor open(Connection connection, Statement statement, int fetchSize, ModelMetadata<?> model, String action) {
        StatementTimeouts.Guard guard = null;
        PreparedStatement prepared = null;
        try {
            prepared = connection.prepareStatement(statement.sql(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            prepared.setFetchSize(fetchSize);
            statement.bind(prepared);
            guard = timeouts.start(prepared, connection);
            ResultSet rows;
            try {
                rows = prepared.executeQuery();
            } finally {
                guard.stop();
            }
            executed(statement.sql(), 1);
            return new Cursor(prepared, rows);
        } catch (SQLException e) {
            closeQuietly(prepared);
            throw failure(e, guard, model, action);
        }
    }

    /** An open statement and its result set, read by a stream; closing it closes both. */
    public record Cursor(PreparedStatement statement, ResultSet rows) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            try {
                rows.close();
            } finally {
                statement.close();
            }
        }
    }

    /**
     * Whether a failed statement has left the connection's transaction unable to commit, by the
     * dialect's probe statement (PostgreSQL aborts a transaction on any failure; most databases don't).
     */
    public boolean isTransactionAborted(Connection connection) {
        String probe = dialect.abortedTransactionProbe();
        if (probe == null) {
            return false;
        }
        try (PreparedStatement prepared = connection.prepareStatement(probe)) {
            prepared.execute();
            executed(probe, 1);
            return false;
        } catch (SQLException e) {
            executed(probe, 1);
            return dialect.isAbortedTransaction(e);
        }
    }

    private FerroException failure(SQLException error, StatementTimeouts.Guard guard, ModelMetadata<?> model, String action) {
        if (guard != null && guard.fired()) {
            return translator.timedOut(error, model, action, timeouts.timeout());
        }
        return translator.translate(error, model, action);
    }

    /** Tells the listeners. */
    private void executed(String sql, int batchSize) {
        for (SqlListener listener : listeners) {
            listener.executed(sql, batchSize);
        }
    }

    // ---------------------------------------------------------------- transaction commands

    /**
     * Starts a transaction: the isolation level and read-only flag (when asked for), then autocommit off.
     *
     * @return the connection's isolation level before, to hand back to {@link #end}; -1 when unchanged
     */
    public int begin(Connection connection, Isolation isolation, boolean readOnly) {
        int previous = -1;
        try {
            if (isolation != Isolation.DEFAULT) {
                int level = dialect.isolationLevel(isolation);
                int current = connection.getTransactionIsolation();
                if (current != level) {
                    connection.setTransactionIsolation(level);
                    previous = current;
                }
            }
            if (readOnly) {
                dialect.setReadOnly(connection, true);
            }
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw translator.translate(e, null, "begin a transaction");
        }
        told(TransactionCommand.BEGIN);
        return previous;
    }

    /** After a commit or rollback: autocommit back on, and the isolation and read-only flag as they were. */
    public void end(Connection connection, int previousIsolation, boolean readOnly) {
        try {
            connection.setAutoCommit(true);
            if (readOnly) {
                dialect.setReadOnly(connection, false);
            }
            if (previousIsolation != -1) {
                connection.setTransactionIsolation(previousIsolation);
            }
        } catch (SQLException e) {
            // The pool resets what it can, and destroys a connection that broke.
            LOG.log(Level.FINE, "Could not restore a connection's settings after its transaction", e);
        }
    }

    public void commit(Connection connection) {
        StatementTimeouts.Guard guard = timeouts.start(null, connection);
        try {
            dialect.commit(connection);
        } catch (SQLException e) {
            throw guard.fired() ? translator.timedOut(e, null, "commit", timeouts.timeout()) : translator.commitFailure(e);
        } finally {
            guard.stop();
        }
        told(TransactionCommand.COMMIT);
    }

    /** Rolls back; a failure to do so is added to {@code cause}, which is what the caller throws. */
    public void rollback(Connection connection, Throwable cause) {
        StatementTimeouts.Guard guard = timeouts.start(null, connection);
        try {
            dialect.rollback(connection);
            told(TransactionCommand.ROLLBACK);
        } catch (SQLException e) {
            cause.addSuppressed(e);
        } finally {
            guard.stop();
        }
    }

    public Savepoint savepoint(Connection connection) {
        try {
            Savepoint savepoint = connection.setSavepoint();
            told(TransactionCommand.SAVEPOINT);
            return savepoint;
        } catch (SQLException e) {
            throw translator.translate(e, null, "set a savepoint");
        }
    }

    /** Rolls back to a savepoint; a failure to do so is added to {@code cause}, which the caller throws. */
    public boolean rollbackTo(Connection connection, Savepoint savepoint, Throwable cause) {
        try {
            connection.rollback(savepoint);
            told(TransactionCommand.ROLLBACK_TO_SAVEPOINT);
            return true;
        } catch (SQLException e) {
            cause.addSuppressed(e);
            return false;
        }
    }

    public void release(Connection connection, Savepoint savepoint) {
        try {
            connection.releaseSavepoint(savepoint);
            told(TransactionCommand.RELEASE_SAVEPOINT);
        } catch (SQLException | UnsupportedOperationException e) {
            // Some drivers cannot release savepoints; the savepoint then lives until the transaction ends, harmlessly.
            LOG.log(Level.FINE, "Could not release a savepoint", e);
        }
    }

    private void told(TransactionCommand command) {
        for (SqlListener listener : listeners) {
            listener.transaction(command);
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        if (resource != null) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "Could not close a statement", e);
            }
        }
    }
}
