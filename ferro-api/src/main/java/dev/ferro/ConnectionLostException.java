package dev.ferro;

import java.sql.SQLException;

/**
 * The connection to the database broke (a restart, a failover, a killed backend, a network fault).
 * The connection is destroyed, never handed out again; the next call gets a new one. Work in flight
 * on it is lost: a transaction was rolled back by the database, except when the connection broke
 * during the commit itself, whose outcome is then unknown ({@link #commitOutcomeUnknown()}), and
 * which Ferro therefore never retries. Outside a transaction each write is its own commit: a write
 * whose connection broke may have been applied or not, whatever this flag says, and Ferro does not
 * retry it either.
 */
public class ConnectionLostException extends TransientDataAccessException {
    private static final long serialVersionUID = 1L;
    private final boolean commitOutcomeUnknown;

    public ConnectionLostException(String message, SQLException cause, boolean commitOutcomeUnknown) {
        super(message, cause);
        this.commitOutcomeUnknown = commitOutcomeUnknown;
    }

    /** Whether the connection broke while a commit was on its way, so the transaction may have been committed. */
    public boolean commitOutcomeUnknown() {
        return commitOutcomeUnknown;
    }
}
