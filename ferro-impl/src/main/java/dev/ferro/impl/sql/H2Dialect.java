package dev.ferro.impl.sql;

import dev.ferro.Column;
import dev.ferro.impl.metadata.FieldMetadata;
import dev.ferro.impl.metadata.ValueKind;

import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** H2 2.x, in its default (regular) mode; open to dialects for its other modes. */
public class H2Dialect extends Dialect {
    private static final int MAX_LENGTH = 1_000_000_000;
    /** H2 says {@code NULL not allowed for column "title"}. */
    private static final Pattern NOT_NULL_COLUMN = Pattern.compile("NULL not allowed for column \"([^\"]+)\"");

    /**
     * H2 counts a VARCHAR's length in UTF-16 units, where the others (and Ferro's own check) count
     * characters: twice the room lets a string of supplementary characters (emoji) fit as it does there.
     */
    private static final SqlTypes TYPES = SqlTypes.standard().declaring(ValueKind.STRING, (length, precision, scale) ->
            length == Column.UNLIMITED ? "CHARACTER LARGE OBJECT" : "VARCHAR(" + Math.min(2L * length, MAX_LENGTH) + ")");

    public H2Dialect() {
        super(new Identity("h2", "jdbc:h2:", "h2", "org.h2.Driver", "com.h2database:h2"), TYPES);
    }

    /**
     * An in-memory database lives while a connection is open: {@code DB_CLOSE_DELAY=-1} keeps it for the
     * pool's life. Unquoted names are lower case, as on PostgreSQL.
     */
    @Override
    public String poolUrl(String url) {
        String upper = url.toUpperCase(Locale.ROOT);
        StringBuilder adjusted = new StringBuilder(url);
        if (upper.startsWith("JDBC:H2:MEM:") && !upper.contains("DB_CLOSE_DELAY")) {
            adjusted.append(";DB_CLOSE_DELAY=-1");
        }
        if (!upper.contains("DATABASE_TO_LOWER") && !upper.contains("DATABASE_TO_UPPER")) {
            adjusted.append(";DATABASE_TO_LOWER=TRUE");
        }
        return adjusted.toString();
    }

    @Override
    public String unsupportedIdentifier(String name) {
        return longerThan(name, 256, false);
    }

    @Override
    public String unsupported(FieldMetadata field) {
        return beyond(field, 100_000, 100_000, MAX_LENGTH / 2);
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
