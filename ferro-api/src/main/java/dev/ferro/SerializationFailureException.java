package dev.ferro;

import java.sql.SQLException;

/**
 * A transaction could not be serialized with a concurrent one (SQLState 40001 on PostgreSQL, a
 * concurrent update on H2, a busy snapshot on SQLite) and was rolled back; retrying it usually succeeds.
 */
public class SerializationFailureException extends TransientDataAccessException {
    private static final long serialVersionUID = 1L;

    public SerializationFailureException(String message, SQLException cause) {
        super(message, cause);
    }
}
