package dev.ferro.impl.execution;

import dev.ferro.ConnectionLostException;
import dev.ferro.DataAccessException;
import dev.ferro.DeadlockException;
import dev.ferro.FerroException;
import dev.ferro.ForeignKeyViolationException;
import dev.ferro.LockTimeoutException;
import dev.ferro.NotNullViolationException;
import dev.ferro.QueryTimeoutException;
import dev.ferro.SerializationFailureException;
import dev.ferro.UniqueViolationException;
import dev.ferro.impl.metadata.IndexMetadata;
import dev.ferro.impl.metadata.ModelMetadata;
import dev.ferro.impl.sql.ErrorKind;
import dev.ferro.impl.sql.Dialect;

import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Function;

/**
 * Turns a JDBC failure into the typed Ferro exception a user can catch, naming the model and the
 * constraint, and keeping the driver's exception (with its SQLState) as the cause: integrity
 * violations, the transient failures a retry may not meet again (deadlock, serialization failure,
 * lock timeout, lost connection, exhausted pool), and timeouts.
 */
public final class ErrorTranslator {
    /** Ferro names every foreign key {@code fk_<table>_<column>}; SQLite's messages name none. */
    private static final java.util.regex.Pattern FOREIGN_KEY_NAME = java.util.regex.Pattern.compile(
            "(?i)\\bfk_[\\p{L}\\p{N}_$]+");
    private final Dialect dialect;
    private final Function<SQLException, FerroException> poolExhaustion;

    /**
     * @param poolExhaustion the pool's own reading of a failure to get a connection: the exception
     *                       for an exhausted pool, or null when the failure is something else
     */
    public ErrorTranslator(Dialect dialect, Function<SQLException, FerroException> poolExhaustion) {
        this.dialect = dialect;
        this.poolExhaustion = poolExhaustion;
    }

    /** A statement that Ferro's statement timeout cancelled (or whose connection it aborted). */
    public FerroException timedOut(SQLException error, ModelMetadata<?> model, String action, Duration timeout) {
        String subject = model == null ? "" : " on " + model.name();
        return new QueryTimeoutException("Statement timeout" + subject + ": " + action + " ran longer than "
                + timeout.toMillis() + " ms (ferro.statement-timeout) and was cancelled", timeout, error);
    }

    /**
     * A failure to get a connection from the pool: its exhaustion, a database that refused or dropped the
     * connection, else what the error says. (Failures of a connection already held, such as a savepoint's,
     * go through {@link #translate}: no pool was asked.)
     */
    public FerroException connectionFailure(SQLException error, String action) {
        FerroException exhausted = poolExhaustion.apply(error);
        if (exhausted != null) {
            return exhausted;
        }
        if (dialect.classify(error) == ErrorKind.CONNECTION_LOST) {
            return new ConnectionLostException("Database connection lost or refused: cannot " + action, error, false);
        }
        return translate(error, null, action);
    }

    /**
     * A commit that failed: when the connection broke on the way, the database may have committed or
     * not, and nothing can tell which; a conflict it reported (serialization) means it rolled back.
     */
    public FerroException commitFailure(SQLException error) {
        if (dialect.classify(error) == ErrorKind.CONNECTION_LOST) {
            return new ConnectionLostException("Database connection lost during the commit: the transaction may or may "
                    + "not have been committed", error, true);
        }
        return translate(error, null, "commit");
    }

    /**
     * @param model the model being written or read, or null for raw SQL
     * @param action what Ferro was doing, for the message ("insert User")
     */
    public FerroException translate(SQLException driverError, ModelMetadata<?> model, String action) {
        SQLException error = dialect.withSqlState(driverError);
        Class<?> type = model == null ? null : model.type();
        String subject = model == null ? "" : " on " + model.name();
        String detail = firstMessage(error);
        ErrorKind kind = dialect.classify(error);
        switch (kind) {
            case UNIQUE -> {
                IndexMetadata unique = model == null ? null : model.uniqueMentionedIn(messages(error));
                String constraint = unique != null ? unique.name() : null;
                String what = unique != null ? " unique constraint " + constraint + " " + unique.columns()
                        : " a unique constraint or the primary key";
                return new UniqueViolationException("Duplicate value" + subject + ": " + action + " violates" + what
                        + " (" + detail + ")", type, constraint, error);
            }
            case FOREIGN_KEY -> {
                java.util.regex.Matcher named = FOREIGN_KEY_NAME.matcher(messages(error));
                String constraint = named.find() ? named.group() : null;
                return new ForeignKeyViolationException("Foreign key violation" + subject + ": " + action
                        + (constraint != null ? " violates " + constraint : "") + " (" + detail + ")", type, constraint, error);
            }
            case NOT_NULL -> {
                String column = dialect.notNullColumn(error);
                return new NotNullViolationException("Missing value" + subject + ": " + action + " leaves NOT NULL column "
                        + (column == null ? "" : column + " ") + "empty (" + detail + ")", type, column, error);
            }
            case DEADLOCK -> {
                return new DeadlockException("Deadlock" + subject + ": " + action
                        + " was chosen to break a deadlock, and its transaction was rolled back", error);
            }
            case SERIALIZATION -> {
                return new SerializationFailureException("Serialization failure" + subject + ": " + action
                        + " conflicts with a concurrent transaction, and its transaction was rolled back", error);
            }
            case LOCK_TIMEOUT -> {
                return new LockTimeoutException("Lock timeout" + subject + ": " + action
                        + " waited too long for a lock held by another transaction", error);
            }
            case CANCELLED -> {
                return new QueryTimeoutException("Statement cancelled" + subject + ": " + action
                        + " was cancelled by the database", null, error);
            }
            case CONNECTION_LOST -> {
                return new ConnectionLostException("Database connection lost" + subject + ": " + action
                        + " did not complete", error, false);
            }
            default -> {
                return new DataAccessException("Failed to " + action, error);
            }
        }
    }

    private static String firstMessage(SQLException error) {
        SQLException next = error.getNextException();
        // A batch failure's own message is generic; the chained one says what went wrong.
        return next != null && next.getMessage() != null ? next.getMessage() : error.getMessage();
    }

    private static String messages(SQLException error) {
        StringBuilder all = new StringBuilder(String.valueOf(error.getMessage()));
        for (SQLException e = error.getNextException(); e != null; e = e.getNextException()) {
            all.append('\n').append(e.getMessage());
        }
        if (error.getCause() != null) {
            all.append('\n').append(error.getCause().getMessage());
        }
        return all.toString();
    }
}
