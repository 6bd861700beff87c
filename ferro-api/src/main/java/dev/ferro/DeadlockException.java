package dev.ferro;

import java.sql.SQLException;

/** The database broke a deadlock by rolling back this transaction; retrying it usually succeeds. */
public class DeadlockException extends TransientDataAccessException {
    private static final long serialVersionUID = 1L;

    public DeadlockException(String message, SQLException cause) {
        super(message, cause);
    }
}
