package dev.ferro;

import java.sql.SQLException;

/** Any other database failure; carries the database's SQLState and the statement that failed. */
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
