package dev.ferro.impl.sql;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** H2 2.x, in its default (regular) mode. */
public final class H2Dialect extends Dialect {
    /** H2 says {@code NULL not allowed for column "title"}. */
    private static final Pattern NOT_NULL_COLUMN = Pattern.compile("NULL not allowed for column \"([^\"]+)\"");

    @Override
    public String name() {
        return "h2";
    }

    @Override
    public ErrorKind classify(SQLException error) {
        return switch (errorCode(error)) {
            case 40001 -> ErrorKind.DEADLOCK;                 // DEADLOCK_1
            case 90131 -> ErrorKind.SERIALIZATION;            // CONCURRENT_UPDATE_1: a row changed under a repeatable read
            case 50200 -> ErrorKind.LOCK_TIMEOUT;             // LOCK_TIMEOUT_1
            case 57014 -> ErrorKind.CANCELLED;                // STATEMENT_WAS_CANCELED
            case 90067, 90098, 90121 -> ErrorKind.CONNECTION_LOST; // connection broken, database closed, VM shutting down
            default -> classifyAnsi(sqlState(error));
        };
    }

    @Override
    public String notNullColumn(SQLException error) {
        Matcher matcher = NOT_NULL_COLUMN.matcher(messages(error));
        return matcher.find() ? matcher.group(1) : null;
    }
}
