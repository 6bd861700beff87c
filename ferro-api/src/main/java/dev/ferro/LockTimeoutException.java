package dev.ferro;

import java.sql.SQLException;

/** A statement waited too long for a lock another transaction holds (or SQLite's database lock). */
public class LockTimeoutException extends TransientDataAccessException {
    private static final long serialVersionUID = 1L;

    public LockTimeoutException(String message, SQLException cause) {
        super(message, cause);
    }
}
