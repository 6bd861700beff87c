package dev.ferro.impl.sql;

import dev.ferro.Column;
import dev.ferro.impl.metadata.FieldMetadata;
import dev.ferro.impl.metadata.ValueKind;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MariaDB 10.5+ and MySQL 8. Tables use a binary, no-pad collation ({@code utf8mb4_nopad_bin} on
 * MariaDB, {@code utf8mb4_0900_bin} on MySQL), so comparisons, LIKE and unique constraints are
 * case-sensitive and see trailing spaces, as on the other databases. UUIDs are CHAR(36); OffsetDateTime and
 * Instant are DATETIME(6) holding UTC (MariaDB has no time zone type, and TIMESTAMP ends in 2038).
 */
public class MariaDbDialect extends Dialect {
    private static final int MAX_VARCHAR = 16_000;
    private static final Pattern NOT_NULL_COLUMN = Pattern.compile("Column '([^']+)' cannot be null|Field '([^']+)' doesn't have a default");

    // MariaDB's FLOAT stops short of Float.MAX_VALUE (3.402823466E+38); DOUBLE holds every float exactly.
    // The driver sends a float as its shortest decimal text ("10.2"), which the server reads as a
    // double other than the float's own value, so equality and range conditions missed the row:
    // the float widened to double is the exact value the column holds.
    private static final SqlType FLOAT = new SqlType((length, precision, scale) -> "DOUBLE",
            (s, i, v) -> {
                if (v == null) s.setNull(i, Types.REAL); else s.setDouble(i, ((Float) v).doubleValue());
            },
            SqlTypes.standard().of(ValueKind.FLOAT).reading());
    private static final SqlType UUID_TEXT = SqlType.of("CHAR(36)",
            (s, i, v) -> {
                if (v == null) s.setNull(i, Types.CHAR); else s.setString(i, v.toString());
            },
            (r, c) -> {
                String v = r.getString(c);
                return v == null ? null : UUID.fromString(v);
            });
    private static final ValueBinder UTC_DATE_TIME = (s, i, v) -> {
        if (v == null) s.setNull(i, Types.TIMESTAMP); else s.setObject(i, SqlTypes.utc(v).toLocalDateTime());
    };
    private static final SqlTypes TYPES = SqlTypes.standard()
            .declaring(ValueKind.INT, "INT")
            .with(ValueKind.FLOAT, FLOAT)
            .declaring(ValueKind.DOUBLE, "DOUBLE")
            .declaring(ValueKind.DECIMAL, (length, precision, scale) -> "DECIMAL(" + precision + "," + scale + ")")
            .declaring(ValueKind.STRING, (length, precision, scale) -> length > MAX_VARCHAR ? "LONGTEXT" : "VARCHAR(" + length + ")")
            .with(ValueKind.UUID, UUID_TEXT)
            .declaring(ValueKind.LOCAL_DATE_TIME, "DATETIME(6)")
            .with(ValueKind.OFFSET_DATE_TIME, SqlType.of("DATETIME(6)", UTC_DATE_TIME, (r, c) -> {
                LocalDateTime v = r.getObject(c, LocalDateTime.class);
                return v == null ? null : v.atOffset(ZoneOffset.UTC);
            }))
            .with(ValueKind.INSTANT, SqlType.of("DATETIME(6)", UTC_DATE_TIME, (r, c) -> {
                LocalDateTime v = r.getObject(c, LocalDateTime.class);
                return v == null ? null : v.toInstant(ZoneOffset.UTC);
            }))
            .declaring(ValueKind.BYTES, "LONGBLOB");

    private final String binaryCollation;

    public MariaDbDialect() {
        this(new Identity("mariadb", "jdbc:mariadb:", "mariadb", "org.mariadb.jdbc.Driver", "org.mariadb.jdbc:mariadb-java-client"),
                "utf8mb4_nopad_bin");
    }

    /** @param binaryCollation the binary, no-pad collation of utf8mb4, whose name differs on MySQL */
    protected MariaDbDialect(Identity identity, String binaryCollation) {
        super(identity, TYPES);
        this.binaryCollation = binaryCollation;
    }

    @Override
    public Map<String, String> connectionProperties(String lowerUrl, Duration connectTimeout) {
        return Map.of("connectTimeout", Long.toString(connectTimeout.toMillis()), "tcpKeepAlive", "true");
    }

    /** REPEATABLE READ is InnoDB's default; Ferro's transactions assume READ COMMITTED, as on the others. */
    @Override
    public int defaultIsolation() {
        return java.sql.Connection.TRANSACTION_READ_COMMITTED;
    }

    @Override
    public String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    /** MariaDB has no {@code DEFAULT VALUES}; an empty column list takes each column's default. */
    @Override
    public String insertDefaults(String quotedTable) {
        return "INSERT INTO " + quotedTable + " () VALUES ()";
    }

    /** DECIMAL holds 65 digits, 38 after the point; LONGTEXT 4 GiB, a billion characters of up to 4 bytes. */
    @Override
    public String unsupportedIdentifier(String name) {
        return longerThan(name, 64, false);
    }

    @Override
    public String unsupported(FieldMetadata field) {
        return beyond(field, 65, 38, 1_073_741_823);
    }

    @Override
    public String generatedIdColumn(String column, String sqlType) {
        return quote(column) + " " + sqlType + " NOT NULL AUTO_INCREMENT PRIMARY KEY";
    }

    /** A unique constraint is an index to MariaDB. */
    @Override
    public String dropUnique(String quotedTable, String quotedName) {
        return "ALTER TABLE " + quotedTable + " DROP INDEX " + quotedName;
    }

    @Override
    public String dropForeignKey(String quotedTable, String quotedName) {
        return "ALTER TABLE " + quotedTable + " DROP FOREIGN KEY " + quotedName;
    }

    /** MariaDB's index names are per table. */
    @Override
    public String dropIndex(String quotedTable, String quotedName) {
        return "DROP INDEX " + quotedName + " ON " + quotedTable;
    }

    /** MariaDB restates the whole column: MODIFY COLUMN with its type, nullability and default, which it would otherwise lose. */
    @Override
    public List<String> alterColumn(String quotedTable, String quotedColumn, ColumnAlteration change) {
        return List.of("ALTER TABLE " + quotedTable + " MODIFY COLUMN " + quotedColumn + " " + change.sqlType()
                + (change.nullable() ? " NULL" : " NOT NULL")
                + (change.defaultLiteral() == null ? "" : " DEFAULT " + change.defaultLiteral()));
    }

    /** MariaDB reads a backslash in a string literal as an escape (unless sql_mode has NO_BACKSLASH_ESCAPES): it is doubled too. */
    @Override
    protected String stringLiteral(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    @Override
    public String tableOptions() {
        return " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=" + binaryCollation;
    }

    @Override
    public boolean supportsNullsOrdering() {
        return false;
    }

    /** MariaDB wants a LIMIT before OFFSET; the largest BIGINT UNSIGNED means "no limit". */
    private static final Paging OFFSET_ONLY = new Paging(" LIMIT 18446744073709551615 OFFSET ?", false);

    @Override
    public Paging paging(boolean hasLimit, boolean hasOffset) {
        return hasOffset && !hasLimit ? OFFSET_ONLY : super.paging(hasLimit, hasOffset);
    }

    @Override
    public boolean streamingHoldsConnection() {
        return true;
    }

    @Override
    public ErrorKind classify(SQLException error) {
        return switch (errorCode(error)) {
            case 1062, 1586 -> ErrorKind.UNIQUE;
            case 1451, 1452, 1216, 1217 -> ErrorKind.FOREIGN_KEY;
            case 1048, 1364 -> ErrorKind.NOT_NULL;
            case 1213 -> ErrorKind.DEADLOCK;
            case 1020 -> ErrorKind.SERIALIZATION;             // "Record has changed since last read" (snapshot isolation)
            case 1205 -> ErrorKind.LOCK_TIMEOUT;
            case 1317, 1969, 3024 -> ErrorKind.CANCELLED;     // interrupted by KILL QUERY, max_statement_time
            // Server gone away, connection lost or killed, shutdown in progress, disconnected for inactivity.
            case 2006, 2013, 1927, 1053, 4031 -> ErrorKind.CONNECTION_LOST;
            default -> {
                ErrorKind ansi = classifyAnsi(sqlState(error));
                // MariaDB reports constraints by code only; of the states it shares, only these are trusted.
                yield ansi == ErrorKind.CONNECTION_LOST || ansi == ErrorKind.SERIALIZATION ? ansi : ErrorKind.NONE;
            }
        };
    }

    @Override
    public String notNullColumn(SQLException error) {
        Matcher matcher = NOT_NULL_COLUMN.matcher(messages(error));
        return matcher.find() ? (matcher.group(1) != null ? matcher.group(1) : matcher.group(2)) : null;
    }
}
