package dev.ferro;

import java.sql.SQLException;
import java.time.Duration;

/**
 * A statement ran longer than the statement timeout ({@code FerroOptions.statementTimeout},
 * {@code ferro.statement-timeout}) and was cancelled; when the database did not answer the cancel
 * (a hung server), its connection was aborted. Not retried automatically: the same statement would
 * likely be as slow again.
 */
public class QueryTimeoutException extends DataAccessException {
    private static final long serialVersionUID = 1L;
    private final Duration timeout;

    public QueryTimeoutException(String message, Duration timeout, SQLException cause) {
        super(message, cause);
        this.timeout = timeout;
    }

    /** The timeout that ran out, or null when the database cancelled the statement on its own terms. */
    public Duration timeout() {
        return timeout;
    }
}
