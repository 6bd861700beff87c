package dev.ferro;

import java.sql.SQLException;

/**
 * A failure that the same work may not meet again when it is retried as a whole: a deadlock, a
 * serialization failure, a stale {@link Version}, a lock wait that timed out, a lost connection, an exhausted pool. The
 * transaction it happened in has been rolled back. {@code ferro.transaction(TransactionOptions.retries(n), ...)}
 * and {@code @Transactional(retries = n)} re-run their block when one of these leaves it.
 */
public class TransientDataAccessException extends DataAccessException {
    private static final long serialVersionUID = 1L;

    public TransientDataAccessException(String message, SQLException cause) {
        super(message, cause);
    }

    public TransientDataAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
