package dev.ferro;

import java.sql.SQLException;

/**
 * A database failure that no subclass describes more closely. Its message says what Ferro was doing (and on
 * which model) and what the database answered; {@link #sqlState()} is the driver's SQLState, and the cause
 * the driver's exception. It does not carry the statement's text.
 */
public class DataAccessException extends FerroException {
    private static final long serialVersionUID = 1L;
    private final String sqlState;

    public DataAccessException(String message, SQLException cause) {
        super(message + ": " + cause.getMessage(), cause);
        this.sqlState = cause.getSQLState();
    }

    public DataAccessException(String message, Throwable cause) {
        super(message, cause);
        this.sqlState = null;
    }

    /** The SQLState the driver reported, or null. */
    public String sqlState() {
        return sqlState;
    }
}
