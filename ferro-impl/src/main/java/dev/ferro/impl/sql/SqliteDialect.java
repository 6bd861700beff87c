package dev.ferro.impl.sql;

import dev.ferro.Isolation;
import dev.ferro.impl.metadata.FieldMetadata;
import dev.ferro.impl.metadata.ValueKind;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * SQLite 3.35+. SQLite has no date, time, UUID or exact decimal types, so those are stored as text
 * in fixed-width formats that sort like the values they hold (dates and times ISO-8601 with
 * microseconds, instants in UTC); decimals use NUMERIC affinity, so they compare as numbers, are
 * exact to 15 significant digits (a longer one is refused) and are read back at the column's scale.
 * LIKE is case-insensitive in SQLite, so patterns are translated to the case-sensitive GLOB.
 */
public final class SqliteDialect extends Dialect {
    static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS", Locale.ROOT);
    static final DateTimeFormatter LOCAL_DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);
    static final DateTimeFormatter UTC_DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS'Z'", Locale.ROOT);
    private static final int MAX_EXACT_REAL_DIGITS = 15;
    /** The driver's connections that have {@link SqliteLower}, forgotten as the pool closes them. */
    private final java.util.Map<Object, Boolean> preparedConnections = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());
    /** sqlite-jdbc's connection class, found at the first borrow rather than at every one (a class loader lookup each). */
    private volatile Class<?> driverConnectionClass;
    private static final int MAX_EXACT_INTEGER_DIGITS = 18;
    private static final SqlTypes TYPES = SqlTypes.standard()
            .declaring(ValueKind.BOOLEAN, "INTEGER")
            .declaring(ValueKind.SHORT, "INTEGER")
            .declaring(ValueKind.INT, "INTEGER")
            .declaring(ValueKind.LONG, "INTEGER")
            .declaring(ValueKind.FLOAT, "REAL")
            .declaring(ValueKind.DOUBLE, "REAL")
            .with(ValueKind.DECIMAL, new SqlType((length, precision, scale) -> "NUMERIC",
                    (s, i, v) -> {
                        if (v == null) s.setNull(i, Types.NUMERIC); else bindDecimal(s, i, (BigDecimal) v);
                    },
                    field -> (r, c) -> {
                        String v = r.getString(c);
                        return v == null ? null : atScale(new BigDecimal(v), field);
                    }))
            .declaring(ValueKind.STRING, "TEXT")
            .declaring(ValueKind.ENUM, "TEXT")
            .with(ValueKind.UUID, text(Object::toString, UUID::fromString))
            .with(ValueKind.LOCAL_DATE, text(Object::toString, LocalDate::parse))
            .with(ValueKind.LOCAL_TIME, text(v -> LOCAL_TIME.format((LocalTime) v), v -> LocalTime.parse(v, LOCAL_TIME)))
            .with(ValueKind.LOCAL_DATE_TIME, text(v -> LOCAL_DATE_TIME.format((LocalDateTime) v),
                    v -> LocalDateTime.parse(v, LOCAL_DATE_TIME)))
            .with(ValueKind.OFFSET_DATE_TIME, text(v -> UTC_DATE_TIME.format(SqlTypes.utc(v)),
                    v -> LocalDateTime.parse(v, UTC_DATE_TIME).atOffset(ZoneOffset.UTC)))
            .with(ValueKind.INSTANT, text(v -> UTC_DATE_TIME.format(SqlTypes.utc(v)),
                    v -> LocalDateTime.parse(v, UTC_DATE_TIME).toInstant(ZoneOffset.UTC)))
            .declaring(ValueKind.BYTES, "BLOB");

    public SqliteDialect() {
        super(new Identity("sqlite", "jdbc:sqlite:", "sqlite", "org.sqlite.JDBC", "org.xerial:sqlite-jdbc"), TYPES);
    }

    /** A kind kept as TEXT in a format that sorts as the values do. */
    private static SqlType text(Function<Object, String> format, Function<String, Object> parse) {
        return SqlType.of("TEXT",
                (s, i, v) -> {
                    if (v == null) s.setNull(i, Types.VARCHAR); else s.setString(i, format.apply(v));
                },
                (r, c) -> {
                    String v = r.getString(c);
                    return v == null ? null : parse.apply(v);
                });
    }

    /**
     * SQLite's integers are all 64 bits wide, and its driver gives a small one as an Integer: raw SQL gets a Long
     * for every integer, as the other databases give for a BIGINT (an id, a {@code COUNT(*)}).
     */
    @Override
    public Object normalizeRaw(Object value) {
        return value instanceof Integer number ? Long.valueOf(number) : super.normalizeRaw(value);
    }

    /** Each connection to {@code :memory:} opens a database of its own. */
    @Override
    public boolean oneConnectionOnly(String lowerUrl) {
        return lowerUrl.contains(":memory:") || lowerUrl.equals("jdbc:sqlite:");
    }

    /**
     * Foreign keys on (SQLite leaves them off), a 30 s wait for the write lock, transactions that take it at
     * their start (so that two never deadlock upgrading a read lock), and a write-ahead log for files.
     */
    @Override
    public Map<String, String> connectionProperties(String lowerUrl, Duration connectTimeout) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("foreign_keys", "true");
        properties.put("busy_timeout", "30000");
        properties.put("transaction_mode", "IMMEDIATE");
        if (!lowerUrl.contains(":memory:")) {
            properties.put("journal_mode", "WAL");
        }
        return properties;
    }

    /** Its declared types are only affinities: a column takes any value. */
    @Override
    public boolean enforcesColumnTypes() {
        return false;
    }

    /** SQLite's ALTER TABLE adds no constraint; a unique index does the work of a unique constraint, under its name. */
    @Override
    public String addUnique(String quotedTable, String quotedName, String quotedColumns) {
        return "CREATE UNIQUE INDEX " + quotedName + " ON " + quotedTable + " (" + quotedColumns + ")";
    }

    /**
     * Foreign keys off around a rebuilt table, so that dropping the old one neither deletes the rows that
     * point at it (ON DELETE CASCADE) nor fails: SQLite's own procedure for a change ALTER TABLE cannot make.
     * The pragma does nothing inside a transaction, so these statements must run outside one.
     */
    @Override
    public List<String> beforeRebuild() {
        return List.of("PRAGMA foreign_keys = OFF");
    }

    @Override
    public List<String> afterRebuild() {
        return List.of("PRAGMA foreign_keys = ON");
    }

    /** SQLite stores a boolean as the integer 1 or 0 (its BOOLEAN columns are INTEGER). */
    @Override
    protected String booleanLiteral(boolean value) {
        return value ? "1" : "0";
    }

    /** SQLite's ALTER TABLE adds columns only: a NOT NULL one only with a default, a foreign key only on a new column. */
    @Override
    public boolean altersConstraints() {
        return false;
    }

    /** SQLite's columns declare no sizes: Ferro checks lengths itself, and {@link #decimalMisfit} the decimals. */
    @Override
    public String unsupported(FieldMetadata field) {
        return null;
    }

    /** AUTOINCREMENT keeps SQLite from reusing the id of a deleted last row, as the other databases never do. */
    @Override
    public String generatedIdColumn(String column, String sqlType) {
        return quote(column) + " INTEGER PRIMARY KEY AUTOINCREMENT";
    }

    /** SQLite has no OFFSET without LIMIT; a negative limit means none. */
    private static final Paging OFFSET_ONLY = new Paging(" LIMIT -1 OFFSET ?", false);

    @Override
    public Paging paging(boolean hasLimit, boolean hasOffset) {
        return hasOffset && !hasLimit ? OFFSET_ONLY : super.paging(hasLimit, hasOffset);
    }

    /**
     * SQLite has no row locks; a write transaction here begins IMMEDIATE, holding the database's one
     * write lock until it ends, so the rows it reads cannot change under it and a plain SELECT is the lock.
     */
    @Override
    public String forUpdate(dev.ferro.RowLock lock) {
        if (lock != dev.ferro.RowLock.WAIT) {
            throw new dev.ferro.InvalidQueryException("forUpdate(" + lock + ") is not available on SQLite, which locks the"
                    + " whole database for a writing transaction rather than rows: use forUpdate()");
        }
        return "";
    }

    /**
     * SQLite sums and averages decimals as REALs unless every value is whole: a sum is rounded back to the column's
     * scale, which gives the exact sum while it has at most 15 significant digits (as {@link #decimalMisfit} keeps
     * every stored decimal); an average is the double rounded to the 15 significant digits a double holds.
     */
    @Override
    public BigDecimal decimalAggregate(ResultSet row, int column, int scale) throws SQLException {
        Object value = row.getObject(column);
        if (value == null) {
            return null;
        }
        BigDecimal decimal = value instanceof Double real ? BigDecimal.valueOf(real)
                : value instanceof Number whole ? BigDecimal.valueOf(whole.longValue()) : new BigDecimal(value.toString());
        return scale >= 0 ? decimal.setScale(scale, java.math.RoundingMode.HALF_EVEN) : decimal.round(new java.math.MathContext(15));
    }

    @Override
    public String inexactDecimalArithmetic() {
        return "SQLite computes a NUMERIC value that is not an integer as a REAL, in binary floating point";
    }

    @Override
    public String like(String column) {
        return column + " GLOB ?";
    }

    /** SQLite's {@code lower()} lower-cases ASCII only: {@link SqliteLower} lower-cases all of Unicode, as Java does. */
    @Override
    public String likeIgnoringCase(String column) {
        return SqliteLower.NAME + "(" + column + ") GLOB " + SqliteLower.NAME + "(?)";
    }

    /** Registers {@link SqliteLower} on each connection, once: the driver's connections carry their functions. */
    @Override
    public void borrowed(java.sql.Connection connection) throws SQLException {
        Class<?> type = driverConnectionClass;
        if (type == null || !connection.isWrapperFor(type)) {
            try {
                type = driverClass(connection);
            } catch (ClassNotFoundException e) {
                return;
            }
            driverConnectionClass = type;
        }
        Object driverConnection = connection.unwrap(type);
        if (preparedConnections.putIfAbsent(driverConnection, Boolean.TRUE) == null) {
            try {
                SqliteLower.register((java.sql.Connection) driverConnection);
            } catch (SQLException | RuntimeException | LinkageError e) {
                preparedConnections.remove(driverConnection);
                throw new SQLException("Cannot register " + SqliteLower.NAME + " on a SQLite connection", e);
            }
        }
    }

    /**
     * Turns a LIKE pattern into GLOB: {@code %} to {@code *}, {@code _} to {@code ?}, GLOB's own
     * specials bracketed. Only the patterns Ferro builds have an escape character ({@code !}); in a
     * user's pattern only {@code %} and {@code _} are special, as on the other databases.
     */
    @Override
    public String likePattern(String pattern, boolean escaped) {
        StringBuilder glob = new StringBuilder(pattern.length() + 8);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (escaped && c == '!' && i + 1 < pattern.length()) {
                appendLiteral(glob, pattern.charAt(++i));
            } else if (c == '%') {
                glob.append('*');
            } else if (c == '_') {
                glob.append('?');
            } else {
                appendLiteral(glob, c);
            }
        }
        return glob.toString();
    }

    private static void appendLiteral(StringBuilder glob, char c) {
        if (c == '*' || c == '?' || c == '[') {
            glob.append('[').append(c).append(']');
        } else {
            glob.append(c);
        }
    }

    /** SQLite builds before 3.32 refuse statements with more than 999 bound values. */
    @Override
    public int maxInListKeys() {
        return 500;
    }

    /** The driver returns no keys after a batch. */
    @Override
    public String lastGeneratedKeyQuery() {
        return "SELECT last_insert_rowid()";
    }

    /**
     * NUMERIC affinity turns a decimal into an INTEGER when it is whole and a REAL (an 8-byte float,
     * exact to 15 significant digits) otherwise: a value that would be rounded is refused rather than
     * silently changed. Whole values up to 18 digits are bound as integers, which SQLite keeps exactly.
     */
    @Override
    public String decimalMisfit(BigDecimal stripped) {
        return misfit(stripped);
    }

    private static String misfit(BigDecimal stripped) {
        if (fitsInteger(stripped) || stripped.precision() <= MAX_EXACT_REAL_DIGITS) {
            return null;
        }
        return "has " + stripped.precision() + " significant digits, and SQLite keeps a decimal exactly only up to "
                + MAX_EXACT_REAL_DIGITS + " (" + MAX_EXACT_INTEGER_DIGITS + " for a whole number): it would be rounded";
    }

    /** A whole number's digits: 1E+20 has precision 1 but 21 digits. */
    private static boolean fitsInteger(BigDecimal stripped) {
        return stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= MAX_EXACT_INTEGER_DIGITS;
    }

    private static void bindDecimal(PreparedStatement statement, int index, BigDecimal value) throws SQLException {
        BigDecimal stripped = value.stripTrailingZeros();
        String misfit = misfit(stripped);
        if (misfit != null) {
            // A raw SQL argument: model values were checked before any SQL.
            throw new SQLException("The decimal " + value.toPlainString() + " " + misfit);
        }
        if (fitsInteger(stripped)) {
            statement.setLong(index, stripped.longValueExact());
        } else {
            statement.setString(index, value.toPlainString());
        }
    }

    /**
     * A stored decimal at the field's scale, as the other databases return it; one with more digits
     * (written by another program: SQLite keeps whatever it is given) is refused, never rounded.
     */
    private static BigDecimal atScale(BigDecimal stored, FieldMetadata field) {
        try {
            return stored.setScale(field.scale());
        } catch (ArithmeticException wouldRound) {
            throw new dev.ferro.ValueOutOfRangeException(field.model(), field.name(), stored.toPlainString(),
                    "it has more digits after the decimal point than the field's scale, " + field.scale());
        }
    }

    /** SQLite's INTEGER columns hold 64 bits whatever type they declare. */
    @Override
    public boolean integersWiderThanDeclared() {
        return true;
    }

    /** Every SQLite transaction is serializable, which gives each weaker level's guarantees as well. */
    @Override
    public int isolationLevel(Isolation isolation) {
        return java.sql.Connection.TRANSACTION_SERIALIZABLE;
    }

    /**
     * sqlite-jdbc fixes the read-only flag when it opens the file; {@code query_only} switches it per connection.
     * A read-only transaction must also begin DEFERRED: the driver begins each transaction in its
     * connection's mode, IMMEDIATE in Ferro's pool, which takes the write lock that {@code query_only}
     * refuses, and it begins the next one at once after every commit and rollback, so an IMMEDIATE
     * read-only transaction failed already at its commit or rollback.
     */
    @Override
    public void setReadOnly(java.sql.Connection connection, boolean readOnly) throws SQLException {
        try (java.sql.Statement pragma = connection.createStatement()) {
            pragma.execute(readOnly ? "PRAGMA query_only = 1" : "PRAGMA query_only = 0");
        }
        setTransactionMode(connection, readOnly ? "DEFERRED" : "IMMEDIATE");
    }

    /**
     * sqlite-jdbc begins the next transaction inside {@code commit()} and {@code rollback()}, in the
     * connection's mode. An IMMEDIATE one waits for the write lock, and fails with SQLITE_BUSY when
     * another writer keeps it past the busy timeout: after the COMMIT itself succeeded, so that a
     * retry would apply the committed work twice (seen under load: one transfer of 100,000 applied
     * twice). So the transaction begun there is DEFERRED, which takes no lock; {@code Executor.end}
     * closes it by turning autocommit back on, and the next transaction begins IMMEDIATE again.
     */
    @Override
    public void commit(java.sql.Connection connection) throws SQLException {
        endBeginningDeferred(connection, true);
    }

    @Override
    public void rollback(java.sql.Connection connection) throws SQLException {
        endBeginningDeferred(connection, false);
    }

    private static void endBeginningDeferred(java.sql.Connection connection, boolean commit) throws SQLException {
        setTransactionMode(connection, "DEFERRED");
        try {
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
        } finally {
            setTransactionMode(connection, "IMMEDIATE");
        }
    }

    /**
     * {@code SQLiteConnection.getConnectionConfig().setTransactionMode(mode)}, by reflection: the driver is
     * not a compile-time dependency. Restoring sets IMMEDIATE, the mode of Ferro's own pool.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void setTransactionMode(java.sql.Connection connection, String mode) throws SQLException {
        try {
            Class<?> sqliteConnection = driverClass(connection);
            Object driverConnection = connection.unwrap(sqliteConnection);
            Object config = sqliteConnection.getMethod("getConnectionConfig").invoke(driverConnection);
            Class modes = Class.forName("org.sqlite.SQLiteConfig$TransactionMode", false, sqliteConnection.getClassLoader());
            config.getClass().getMethod("setTransactionMode", modes).invoke(config, Enum.valueOf(modes, mode));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new SQLException("Cannot set the SQLite transaction mode to " + mode + " for a read-only transaction", e);
        }
    }

    /** sqlite-jdbc's connection class, from whichever loader sees it (in a container, the pool's may not). */
    private static Class<?> driverClass(java.sql.Connection connection) throws ClassNotFoundException {
        ClassNotFoundException notFound = null;
        for (ClassLoader loader : new ClassLoader[] {Thread.currentThread().getContextClassLoader(),
                connection.getClass().getClassLoader(), SqliteDialect.class.getClassLoader()}) {
            if (loader == null) {
                continue;
            }
            try {
                Class<?> type = Class.forName("org.sqlite.SQLiteConnection", false, loader);
                if (connection.isWrapperFor(type)) {
                    return type;
                }
            } catch (ClassNotFoundException | SQLException e) {
                notFound = new ClassNotFoundException("org.sqlite.SQLiteConnection", e);
            }
        }
        throw notFound != null ? notFound : new ClassNotFoundException("org.sqlite.SQLiteConnection");
    }

    /**
     * What SQLite's result codes and messages mean, first match wins: the kind Ferro throws for, and the SQLState H2
     * and PostgreSQL report for the same failure (SQLite's driver reports none).
     */
    private record Failure(String marker, ErrorKind kind, String sqlState) {
    }

    private static final List<Failure> FAILURES = List.of(
            new Failure("SQLITE_CONSTRAINT_UNIQUE", ErrorKind.UNIQUE, "23505"),
            new Failure("SQLITE_CONSTRAINT_PRIMARYKEY", ErrorKind.UNIQUE, "23505"),
            new Failure("SQLITE_CONSTRAINT_FOREIGNKEY", ErrorKind.FOREIGN_KEY, "23503"),
            // ON DELETE RESTRICT fires as a trigger inside SQLite: SQLITE_CONSTRAINT_TRIGGER, "FOREIGN KEY constraint failed".
            new Failure("FOREIGN KEY constraint failed", ErrorKind.FOREIGN_KEY, "23503"),
            new Failure("SQLITE_CONSTRAINT_NOTNULL", ErrorKind.NOT_NULL, "23502"),
            new Failure("SQLITE_CONSTRAINT_CHECK", ErrorKind.NONE, "23514"),
            new Failure("SQLITE_CONSTRAINT", ErrorKind.NONE, "23000"),
            // In WAL mode a transaction whose snapshot is older than a concurrent commit cannot upgrade to a writer.
            new Failure("SQLITE_BUSY_SNAPSHOT", ErrorKind.SERIALIZATION, "40001"),
            new Failure("SQLITE_BUSY", ErrorKind.LOCK_TIMEOUT, "55P03"),
            new Failure("SQLITE_LOCKED", ErrorKind.LOCK_TIMEOUT, "55P03"),
            new Failure("SQLITE_INTERRUPT", ErrorKind.CANCELLED, "57014"),
            new Failure("no such table", ErrorKind.NONE, "42S02"),
            new Failure("no such column", ErrorKind.NONE, "42S22"),
            new Failure("syntax error", ErrorKind.NONE, "42000"),
            new Failure("incomplete input", ErrorKind.NONE, "42000"),
            new Failure("SQLITE_READONLY", ErrorKind.NONE, "25006"));

    private static Failure failure(SQLException error) {
        String message = messages(error);
        for (Failure failure : FAILURES) {
            if (message.contains(failure.marker())) {
                return failure;
            }
        }
        return null;
    }

    @Override
    public ErrorKind classify(SQLException error) {
        Failure failure = failure(error);
        if (failure != null && failure.kind() != ErrorKind.NONE) {
            return failure.kind();
        }
        return classifyAnsi(sqlState(error)) == ErrorKind.CONNECTION_LOST ? ErrorKind.CONNECTION_LOST : ErrorKind.NONE;
    }

    /** SQLite's driver reports no SQLState: the exception gets the one {@link #FAILURES} gives, the driver's as its cause. */
    @Override
    public SQLException withSqlState(SQLException error) {
        Failure failure = error.getSQLState() == null ? failure(error) : null;
        return failure == null ? error : new SQLException(error.getMessage(), failure.sqlState(), error.getErrorCode(), error);
    }

    @Override
    public String notNullColumn(SQLException error) {
        String message = messages(error);
        int at = message.indexOf("NOT NULL constraint failed: ");
        if (at < 0) {
            return null;
        }
        String qualified = message.substring(at + "NOT NULL constraint failed: ".length()).split("[)\\s]")[0];
        return qualified.substring(qualified.indexOf('.') + 1);
    }
}
