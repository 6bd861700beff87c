package dev.ferro.impl.sql;

import dev.ferro.Isolation;
import dev.ferro.impl.metadata.ColumnLimits;
import dev.ferro.impl.metadata.FieldMetadata;
import dev.ferro.impl.metadata.ValueKind;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything that differs between databases, in one class per database: identifier quoting, the
 * {@link SqlTypes} that say how each value kind is declared, bound and read, paging, NULL ordering,
 * generated keys and the classification of constraint errors. The defaults here are standard JDBC 4.2
 * and SQL.
 */
public abstract class Dialect implements ColumnLimits {
    private final Identity identity;
    private final SqlTypes types;

    /**
     * What names a database and its driver.
     *
     * @param name the dialect's short name
     * @param urlPrefix the start of its JDBC URLs, lower-cased ({@code jdbc:h2:})
     * @param productName what its {@code DatabaseMetaData.getDatabaseProductName()} contains, lower-cased
     * @param driverClass the JDBC driver's class
     * @param driverArtifact the driver's Maven coordinates, for the error that says it is missing
     */
    protected record Identity(String name, String urlPrefix, String productName, String driverClass, String driverArtifact) {
    }

    /** A dialect of a database that keeps every value kind the standard way. */
    protected Dialect(Identity identity) {
        this(identity, SqlTypes.standard());
    }

    /** A dialect of a database that keeps some value kinds its own way: {@code SqlTypes.standard().with(...)}. */
    protected Dialect(Identity identity, SqlTypes types) {
        this.identity = identity;
        this.types = types;
    }

    /** A short name: h2, postgresql, mariadb, mysql, sqlite; {@code FerroOptions.dialect(name)} picks a dialect by it. */
    public String name() {
        return identity.name();
    }

    // ---------------------------------------------------------------- finding the dialect and connecting

    /** Whether this dialect speaks to the database of a JDBC URL, given lower-cased ({@code jdbc:h2:...}). */
    public boolean servesUrl(String lowerUrl) {
        return lowerUrl.startsWith(identity.urlPrefix());
    }

    /** Whether it speaks to a database whose {@code DatabaseMetaData.getDatabaseProductName()} is this, lower-cased. */
    public boolean servesProduct(String lowerProductName) {
        return lowerProductName.contains(identity.productName());
    }

    /** Where several dialects serve a URL, the highest priority is taken: a dialect for a special mode over the general one. */
    public int priority() {
        return 0;
    }

    /** The JDBC driver's class, which Ferro's own pool loads. */
    public String driverClass() {
        return identity.driverClass();
    }

    /** The Maven coordinates of the driver, for the error that says it is missing. */
    public String driverArtifact() {
        return identity.driverArtifact();
    }

    /** The URL Ferro's pool connects with: the user's, plus what Ferro relies on (H2: an in-memory database that stays open). */
    public String poolUrl(String url) {
        return url;
    }

    /**
     * Whether every connection of the URL would be a database of its own (an in-memory SQLite database), so
     * that the pool must hold exactly one.
     */
    public boolean oneConnectionOnly(String lowerUrl) {
        return false;
    }

    /** The driver properties every connection of Ferro's pool is opened with: timeouts and settings Ferro relies on. */
    public Map<String, String> connectionProperties(String lowerUrl, Duration connectTimeout) {
        return Map.of();
    }

    /** The isolation level Ferro's pool sets on new connections, as {@link Connection#TRANSACTION_READ_COMMITTED}; -1 for the driver's. */
    public int defaultIsolation() {
        return -1;
    }

    /** The schema in which {@code DatabaseMetaData} finds the tables of a connection; null for the catalog's tables alone. */
    public String metadataSchema(Connection connection) throws SQLException {
        return null;
    }

    /** Whether a column holds only values of its declared type (SQLite's declared types are affinities only). */
    public boolean enforcesColumnTypes() {
        return true;
    }

    // ---------------------------------------------------------------- identifiers and DDL

    /** Quotes an identifier taken from model metadata. */
    public String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** An insert of one row that names no column, for a model that is only its generated key: standard SQL. */
    public String insertDefaults(String quotedTable) {
        return "INSERT INTO " + quotedTable + " DEFAULT VALUES";
    }

    /** No limit on names here; each database's dialect says its own (SQLite has none). */
    @Override
    public String unsupportedIdentifier(String name) {
        return null;
    }

    /**
     * The problem when a name is longer than a database keeps, or null: {@code max} UTF-8 bytes
     * (PostgreSQL counts bytes) or characters (MariaDB and H2 count characters).
     */
    protected final String longerThan(String name, int max, boolean bytes) {
        int length = bytes ? name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length : name.codePointCount(0, name.length());
        String unit = bytes ? " bytes" : " characters";
        return length <= max ? null : "is " + length + unit + " long; " + name() + " accepts at most " + max + unit;
    }

    /** The SQL type of a field's column, as its kind's {@link SqlType} declares it. */
    public final String columnType(FieldMetadata field) {
        return columnType(field.kind(), field.length(), field.precision(), field.scale());
    }

    /** The SQL type of a column of this kind and size (0 where the kind has none), as the kind's {@link SqlType} declares it. */
    public final String columnType(ValueKind kind, int length, int precision, int scale) {
        return types.of(kind).declaration().of(length, precision, scale);
    }

    /** The database's limits on precision, scale and length, which the standard leaves to each. */
    @Override
    public abstract String unsupported(FieldMetadata field);

    /** The problem when a field's precision, scale or length is above a database's maximum, else null. */
    protected final String beyond(FieldMetadata field, int maxPrecision, int maxScale, int maxLength) {
        if (field.kind() == ValueKind.DECIMAL && field.precision() > maxPrecision) {
            return "has precision " + field.precision() + "; a " + name() + " decimal holds at most " + maxPrecision + " digits";
        }
        if (field.kind() == ValueKind.DECIMAL && field.scale() > maxScale) {
            return "has scale " + field.scale() + "; a " + name() + " decimal keeps at most " + maxScale
                    + " digits after the decimal point";
        }
        if ((field.kind() == ValueKind.STRING || field.kind() == ValueKind.ENUM) && field.length() != dev.ferro.Column.UNLIMITED
                && field.length() > maxLength) {
            return "has length " + field.length() + "; a " + name() + " string column holds at most " + maxLength
                    + " characters (use Column.UNLIMITED for unbounded text)";
        }
        return null;
    }

    /** The column definition of a generated id of this SQL type, PRIMARY KEY included: a standard identity column. */
    public String generatedIdColumn(String column, String sqlType) {
        return quote(column) + " " + sqlType + " GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
    }

    /** Adds a unique constraint to an existing table: ALTER TABLE ... ADD CONSTRAINT, in standard SQL. */
    public String addUnique(String quotedTable, String quotedName, String quotedColumns) {
        return "ALTER TABLE " + quotedTable + " ADD CONSTRAINT " + quotedName + " UNIQUE (" + quotedColumns + ")";
    }

    /** Drops a unique constraint: ALTER TABLE ... DROP CONSTRAINT, in standard SQL. */
    public String dropUnique(String quotedTable, String quotedName) {
        return "ALTER TABLE " + quotedTable + " DROP CONSTRAINT " + quotedName;
    }

    /** Drops a foreign key: ALTER TABLE ... DROP CONSTRAINT, in standard SQL. */
    public String dropForeignKey(String quotedTable, String quotedName) {
        return "ALTER TABLE " + quotedTable + " DROP CONSTRAINT " + quotedName;
    }

    /** Drops an index, whose name is the schema's own: DROP INDEX. */
    public String dropIndex(String quotedTable, String quotedName) {
        return "DROP INDEX " + quotedName;
    }

    /**
     * A change to an existing column, as {@link #alterColumn} takes it: its whole new definition and what of it changed.
     *
     * @param defaultLiteral the new default as this database's literal ({@link #literal}), or null for none
     */
    public record ColumnAlteration(String sqlType, boolean typeChanged, boolean nullable, boolean nullabilityChanged,
                                   String defaultLiteral, boolean defaultChanged) {
    }

    /**
     * The statements that give an existing column another SQL type, nullability or default: standard SQL's
     * {@code ALTER COLUMN ... SET DATA TYPE}, {@code SET} / {@code DROP NOT NULL} and {@code SET} /
     * {@code DROP DEFAULT}, as H2 takes them. A database that does not alter constraints
     * ({@link #altersConstraints()}, SQLite) is never asked: its table is rebuilt instead.
     */
    public List<String> alterColumn(String quotedTable, String quotedColumn, ColumnAlteration change) {
        List<String> statements = new ArrayList<>();
        String alter = "ALTER TABLE " + quotedTable + " ALTER COLUMN " + quotedColumn;
        if (change.typeChanged()) {
            statements.add(alter + " SET DATA TYPE " + change.sqlType());
        }
        if (change.nullabilityChanged()) {
            statements.add(alter + (change.nullable() ? " DROP NOT NULL" : " SET NOT NULL"));
        }
        if (change.defaultChanged()) {
            statements.add(alter + (change.defaultLiteral() == null ? " DROP DEFAULT" : " SET DEFAULT " + change.defaultLiteral()));
        }
        return statements;
    }

    /** Renames a table: ALTER TABLE ... RENAME TO, which all four databases take. */
    public String renameTable(String quotedTable, String quotedNewName) {
        return "ALTER TABLE " + quotedTable + " RENAME TO " + quotedNewName;
    }

    /** Renames a column: ALTER TABLE ... RENAME COLUMN (MariaDB from 10.5, SQLite from 3.25). */
    public String renameColumn(String quotedTable, String quotedColumn, String quotedNewName) {
        return "ALTER TABLE " + quotedTable + " RENAME COLUMN " + quotedColumn + " TO " + quotedNewName;
    }

    /**
     * A value of a kind, as the model metadata keeps a column's default or the generator a backfill value
     * ({@code true}, {@code 42}, {@code 1.50}, {@code draft}), written as this database's SQL literal, for DDL
     * and migration scripts, which take no bound parameters. The text was checked against the kind before.
     *
     * @throws IllegalArgumentException for a kind that has no literal here (dates, UUIDs, bytes)
     */
    public final String literal(ValueKind kind, String value) {
        return switch (kind) {
            case BOOLEAN -> booleanLiteral(Boolean.parseBoolean(value));
            case SHORT, INT, LONG -> Long.toString(Long.parseLong(value));
            case FLOAT, DOUBLE, DECIMAL -> new java.math.BigDecimal(value).toPlainString();
            case STRING, ENUM -> stringLiteral(value);
            default -> throw new IllegalArgumentException("A " + kind + " value has no literal in a script; write it in one by hand");
        };
    }

    /** TRUE or FALSE. */
    protected String booleanLiteral(boolean value) {
        return value ? "TRUE" : "FALSE";
    }

    /** A string between single quotes, each quote in it doubled, as standard SQL escapes it. */
    protected String stringLiteral(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /**
     * Whether ALTER TABLE adds foreign keys and NOT NULL columns to an existing table; where it does not
     * (SQLite), a foreign key comes only with a new nullable column, and anything more takes a rebuilt table.
     */
    public boolean altersConstraints() {
        return true;
    }

    /**
     * The statements before and after a rebuilt table (a new one made and filled, the old one dropped, the
     * new one renamed), where the database does not alter constraints: none here, since only such a
     * database rebuilds.
     */
    public List<String> beforeRebuild() {
        return List.of();
    }

    /** @see #beforeRebuild() */
    public List<String> afterRebuild() {
        return List.of();
    }

    /** Appended after the closing parenthesis of CREATE TABLE. */
    public String tableOptions() {
        return "";
    }

    // ---------------------------------------------------------------- query syntax

    /**
     * How a query takes one page of rows: the clause after ORDER BY, with {@code ?} for each value present,
     * and the order those values are bound in.
     */
    public record Paging(String clause, boolean offsetFirst) {
    }

    /** {@code LIMIT ? OFFSET ?}, as H2 and PostgreSQL take it; indexed by limit (2) and offset (1). */
    private static final Paging[] LIMIT_OFFSET = {
        new Paging("", false), new Paging(" OFFSET ?", false), new Paging(" LIMIT ?", false), new Paging(" LIMIT ? OFFSET ?", false)};

    /** The paging of a query with a limit, an offset, both or neither; called for every query, so made once. */
    public Paging paging(boolean hasLimit, boolean hasOffset) {
        return LIMIT_OFFSET[(hasLimit ? 2 : 0) + (hasOffset ? 1 : 0)];
    }

    /**
     * The clause after LIMIT/OFFSET that locks the rows a SELECT reads until the transaction ends.
     *
     * @throws dev.ferro.InvalidQueryException when the database has no such lock
     */
    public String forUpdate(dev.ferro.RowLock lock) {
        return switch (lock) {
            case WAIT -> " FOR UPDATE";
            case NO_WAIT -> " FOR UPDATE NOWAIT";
            case SKIP_LOCKED -> " FOR UPDATE SKIP LOCKED";
        };
    }

    /**
     * Why this database cannot store a decimal exactly although it fits its column's precision and
     * scale, or null when it can; {@code stripped} has no trailing zeros.
     */
    public String decimalMisfit(BigDecimal stripped) {
        return null;
    }

    /** Why {@code column + ?} on a DECIMAL column would not be exact here, or null when it is. */
    public String inexactDecimalArithmetic() {
        return null;
    }

    /** Whether ORDER BY accepts NULLS FIRST / NULLS LAST; otherwise Ferro emulates them. */
    public boolean supportsNullsOrdering() {
        return true;
    }

    /**
     * The LIKE predicate for a column. It always names {@code '!'} as the escape character: without an
     * ESCAPE clause H2, PostgreSQL and MariaDB would take a backslash as one, so that a user's pattern
     * {@code a\_c} would mean something else there than on SQLite (and a trailing backslash would be
     * an error on PostgreSQL), where like() promises that only {@code %} and {@code _} are special.
     */
    public String like(String column) {
        return column + " LIKE ? ESCAPE '!'";
    }

    /** {@link #like} of both sides lower-cased by the database, which knows every letter of Unicode. */
    public String likeIgnoringCase(String column) {
        return "LOWER(" + column + ") LIKE LOWER(?) ESCAPE '!'";
    }

    /**
     * Prepares a connection borrowed from the pool for Ferro's statements; called at every borrow, so a dialect that
     * needs it keeps track of the connections it has prepared.
     */
    public void borrowed(java.sql.Connection connection) throws SQLException {
    }

    /**
     * The bound value for a LIKE pattern built by {@link #like}: an escaped pattern as it is, a user's
     * pattern with its {@code '!'} escaped, so that only {@code %} and {@code _} are special in it.
     */
    public String likePattern(String pattern, boolean escaped) {
        return escaped ? pattern : pattern.replace("!", "!!");
    }

    /**
     * The most keys a prefetch puts in one {@code IN (...)} list: a thousand, so that the usual
     * page of rows takes one statement, as a hand-written query would; far below the caps of
     * PostgreSQL's driver (32,767 bound values), MariaDB (65,535) and H2 (none).
     */
    public int maxInListKeys() {
        return 1_000;
    }

    // ---------------------------------------------------------------- generated keys

    /** Prepares an INSERT that returns the generated id. */
    public PreparedStatement prepareInsertReturningKey(Connection connection, String sql, String idColumn) throws SQLException {
        return connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
    }

    /**
     * Null when {@code getGeneratedKeys()} after {@code executeBatch()} returns one key per row, in
     * order; otherwise a query for the last key generated on the connection.
     */
    public String lastGeneratedKeyQuery() {
        return null;
    }

    // ---------------------------------------------------------------- errors

    /**
     * The statement that tells whether a failed statement has left the connection's transaction
     * unable to commit, or null when the database undoes just the failed statement (most do). Run
     * only after a statement of the transaction failed; see {@link #isAbortedTransaction}.
     */
    public String abortedTransactionProbe() {
        return null;
    }

    /** Whether the probe's failure says the transaction is aborted. */
    public boolean isAbortedTransaction(SQLException probeFailure) {
        return false;
    }

    /** Whether a result read with a fetch size needs autocommit off (PostgreSQL reads it whole otherwise). */
    public boolean cursorNeedsTransaction() {
        return false;
    }

    /**
     * Whether a streamed result holds its connection: another statement there makes the driver
     * buffer the rest of the rows first (MariaDB's).
     */
    public boolean streamingHoldsConnection() {
        return false;
    }

    /** The JDBC isolation level to set for a requested one. */
    public int isolationLevel(Isolation isolation) {
        return isolation.jdbcLevel();
    }

    /** Makes the connection's next transactions read-only, or read-write again. */
    public void setReadOnly(Connection connection, boolean readOnly) throws SQLException {
        connection.setReadOnly(readOnly);
    }

    /** Commits the connection's transaction. */
    public void commit(Connection connection) throws SQLException {
        connection.commit();
    }

    /** Rolls the connection's transaction back. */
    public void rollback(Connection connection) throws SQLException {
        connection.rollback();
    }

    /** Cancels a running statement from another thread (Ferro's statement timeout). */
    public void cancel(java.sql.Statement statement) throws SQLException {
        statement.cancel();
    }

    /**
     * The driver's exception as Ferro's exceptions carry it: as it is, unless the driver reports no SQLState, when
     * a dialect that can tell one from the error gives an exception with it, the driver's as its cause.
     */
    public SQLException withSqlState(SQLException error) {
        return error;
    }

    /**
     * What a failed statement means: which constraint it violated, whether it lost a deadlock or a
     * serialization conflict, waited too long for a lock, was cancelled, or broke its connection.
     */
    public abstract ErrorKind classify(SQLException error);

    /**
     * Whether the connection that raised this error is broken for good: the pool destroys it
     * instead of handing it out again (Agroal's exception sorter asks this).
     */
    public final boolean isConnectionLost(SQLException error) {
        return classify(error) == ErrorKind.CONNECTION_LOST;
    }

    /** The column a NOT NULL error names, when the message says it. */
    public String notNullColumn(SQLException error) {
        return null;
    }

    // ---------------------------------------------------------------- values

    /** The binder of a field's values: of its kind, after its column type's conversion when it has one. */
    public ValueBinder binder(FieldMetadata field) {
        ValueBinder stored = types.of(field.kind()).binder();
        if (field.columnType() == null) {
            return stored;
        }
        return (statement, index, value) -> stored.bind(statement, index, field.toStored(value));
    }

    /** The (shared) binder of a value kind. */
    public ValueBinder binderFor(ValueKind kind) {
        return types.of(kind).binder();
    }

    /**
     * Whether an INTEGER column can hold more than its declared type, so that reading one into a
     * {@code short} or {@code int} must check the range rather than let the driver wrap it (SQLite's
     * columns hold 64 bits whatever they declare).
     */
    public boolean integersWiderThanDeclared() {
        return false;
    }

    /** Whether this field's integers are read as longs and checked ({@link #integersWiderThanDeclared}). */
    private boolean checksRange(FieldMetadata field) {
        return integersWiderThanDeclared() && (field.kind() == ValueKind.SHORT || field.kind() == ValueKind.INT);
    }

    /** An integer read for a SMALLINT or INTEGER field, refused when it does not fit the field's type. */
    public static long inRange(long value, FieldMetadata field) {
        boolean fits = field.kind() == ValueKind.SHORT ? (short) value == value : (int) value == value;
        if (!fits) {
            throw new dev.ferro.ValueOutOfRangeException(field.model(), field.name(), Long.toString(value),
                    "it does not fit " + (field.kind() == ValueKind.SHORT ? "a short" : "an int"));
        }
        return value;
    }

    /**
     * The reader of a column for a new instance: for a primitive field it skips the
     * {@code wasNull()} check (one driver call per column and row), since SQL NULL reads as 0 or
     * false, which is the value a primitive field is left at for NULL anyway; and so it does for an
     * id, the primary key, which is never NULL (nor is a key that matched an {@code IN} list).
     */
    public ValueReader freshReader(FieldMetadata field) {
        if (!(field.primitive() || field.isId()) || field.foreignKey() != null) {
            return reader(field);
        }
        if (checksRange(field)) {
            return reader(field);
        }
        return switch (field.kind()) {
            case BOOLEAN -> ResultSet::getBoolean;
            case SHORT -> ResultSet::getShort;
            case INT -> ResultSet::getInt;
            case LONG -> ResultSet::getLong;
            case FLOAT -> ResultSet::getFloat;
            case DOUBLE -> ResultSet::getDouble;
            default -> reader(field);
        };
    }

    /** The binder for a raw SQL argument, chosen by its runtime class. */
    public void bindAny(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setObject(index, null);
            return;
        }
        // An enum constant with a body is an instance of an anonymous subclass, which is not itself an enum.
        ValueKind kind = value instanceof Enum<?> ? ValueKind.ENUM : ValueKind.of(value.getClass());
        if (kind == null) {
            statement.setObject(index, value);
        } else {
            types.of(kind).binder().bind(statement, index, value);
        }
    }

    /**
     * A raw SQL result value with JDBC's legacy date and time classes replaced by java.time, as
     * model fields hold them: {@code java.sql.Date} becomes LocalDate, {@code Time} LocalTime,
     * {@code Timestamp} LocalDateTime. Other values are returned as the driver gives them.
     */
    public Object normalizeRaw(Object value) {
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (value instanceof java.sql.Time time) {
            return time.toLocalTime();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toLocalDateTime();
        }
        return value;
    }

    /**
     * A {@code SUM} or {@code AVG} of a decimal column, which PostgreSQL, MariaDB and H2 compute exactly: a sum at the
     * column's {@code scale}, an average ({@code scale} -1) at the database's.
     */
    public BigDecimal decimalAggregate(ResultSet row, int column, int scale) throws SQLException {
        BigDecimal value = row.getBigDecimal(column);
        return value == null || scale < 0 ? value : value.setScale(scale, java.math.RoundingMode.UNNECESSARY);
    }

    /**
     * How a field's column comes back: as its kind's {@link SqlType} reads it, a short or int through a
     * long where the database's integers are wider ({@link #integersWiderThanDeclared}). A field with a
     * column type gets the value its conversion makes of the stored one.
     */
    public ValueReader reader(FieldMetadata field) {
        ValueReader stored = storedReader(field);
        if (field.columnType() == null) {
            return stored;
        }
        return (row, column) -> field.fromStored(stored.read(row, column));
    }

    private ValueReader storedReader(FieldMetadata field) {
        if (checksRange(field)) {
            return (r, c) -> {
                long v = r.getLong(c);
                if (r.wasNull()) {
                    return null;
                }
                return field.kind() == ValueKind.SHORT ? (Object) (short) inRange(v, field) : (Object) (int) inRange(v, field);
            };
        }
        return types.of(field.kind()).reading().of(field);
    }

    /** The SQL state of the first exception in a chain (batch errors wrap the real one). */
    protected static String sqlState(SQLException error) {
        for (SQLException e = error; e != null; e = e.getNextException()) {
            if (e.getSQLState() != null) {
                return e.getSQLState();
            }
        }
        return error.getCause() instanceof SQLException cause ? sqlState(cause) : null;
    }

    /** The vendor error code of the first exception in a chain that has one. */
    protected static int errorCode(SQLException error) {
        for (SQLException e = error; e != null; e = e.getNextException()) {
            if (e.getErrorCode() != 0) {
                return e.getErrorCode();
            }
        }
        return error.getCause() instanceof SQLException cause ? errorCode(cause) : 0;
    }

    /** The messages of an exception chain, joined, for dialects that classify by message. */
    protected static String messages(SQLException error) {
        StringBuilder all = new StringBuilder();
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            all.append(e.getMessage()).append('\n');
        }
        for (SQLException e = error.getNextException(); e != null; e = e.getNextException()) {
            all.append(e.getMessage()).append('\n');
        }
        return all.toString();
    }

    /**
     * The ANSI SQLSTATE codes every database shares: class 23 (constraints, as PostgreSQL and H2 report
     * them), class 08 (connection exceptions: the connection is gone) and 40001 (serialization failure).
     */
    protected static ErrorKind classifyAnsi(String state) {
        if (state == null) {
            return ErrorKind.NONE;
        }
        if (state.startsWith("08")) {
            return ErrorKind.CONNECTION_LOST;
        }
        return switch (state) {
            case "23505" -> ErrorKind.UNIQUE;
            case "23503", "23506" -> ErrorKind.FOREIGN_KEY;
            case "23502" -> ErrorKind.NOT_NULL;
            case "40001" -> ErrorKind.SERIALIZATION;
            default -> ErrorKind.NONE;
        };
    }

    @Override
    public String toString() {
        return name();
    }
}
