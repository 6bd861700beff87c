package dev.ferro.impl.sql;

import dev.ferro.impl.metadata.FieldMetadata;
import dev.ferro.impl.metadata.ValueKind;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/**
 * Everything that differs between databases, in one class per database: identifier quoting, column
 * types, how each value kind is bound and read, paging, NULL ordering, generated keys and the
 * classification of constraint errors. The defaults here are standard JDBC 4.2 and SQL.
 *
 * <p>Temporal values are stored with microsecond precision on every database (the finest that
 * PostgreSQL and MariaDB keep); {@code OffsetDateTime} and {@code Instant} are stored as UTC, so an
 * {@code OffsetDateTime} reads back at offset {@code Z}.
 */
public abstract class Dialect {
    private final Map<ValueKind, ValueBinder> binders = new EnumMap<>(ValueKind.class);

    /** Binders are made once here; a subclass's {@link #binder(ValueKind)} must not use its own fields. */
    protected Dialect() {
        for (ValueKind kind : ValueKind.values()) {
            binders.put(kind, binder(kind));
        }
    }

    /** A short name: h2, postgresql, mariadb, sqlite. */
    public abstract String name();

    // ---------------------------------------------------------------- identifiers and DDL

    /** Quotes an identifier taken from model metadata. */
    public String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** The SQL type of a column. */
    public abstract String columnType(FieldMetadata field);

    /** The column definition of a generated id, PRIMARY KEY included. */
    public abstract String generatedIdColumn(FieldMetadata id);

    /** Appended after the closing parenthesis of CREATE TABLE. */
    public String tableOptions() {
        return "";
    }

    /** Whether CREATE INDEX supports IF NOT EXISTS. */
    public boolean supportsCreateIndexIfNotExists() {
        return true;
    }

    // ---------------------------------------------------------------- query syntax

    /** The paging clause with {@code ?} for each present value, limit first. Empty when neither is set. */
    public String limitOffset(boolean hasLimit, boolean hasOffset) {
        if (hasLimit && hasOffset) {
            return " LIMIT ? OFFSET ?";
        }
        if (hasLimit) {
            return " LIMIT ?";
        }
        return hasOffset ? " OFFSET ?" : "";
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

    /**
     * The bound value for a LIKE pattern built by {@link #like}: an escaped pattern as it is, a user's
     * pattern with its {@code '!'} escaped, so that only {@code %} and {@code _} are special in it.
     */
    public String likePattern(String pattern, boolean escaped) {
        return escaped ? pattern : pattern.replace("!", "!!");
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
     * Whether a failed statement has left the connection's transaction unable to commit. Most
     * databases undo just the failed statement; asked only after a statement of the transaction failed.
     */
    public boolean isTransactionAborted(Connection connection) {
        return false;
    }

    /** Which constraint a failed statement violated, if any. */
    public abstract ConstraintKind classify(SQLException error);

    /** The column a NOT NULL error names, when the message says it. */
    public String notNullColumn(SQLException error) {
        return null;
    }

    // ---------------------------------------------------------------- values

    public ValueBinder binder(FieldMetadata field) {
        return binders.get(field.kind());
    }

    /** The (shared) binder of a value kind. */
    public ValueBinder binderFor(ValueKind kind) {
        return binders.get(kind);
    }

    public ValueReader reader(FieldMetadata field) {
        return reader(field.kind(), field.type(), field.scale());
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
            binders.get(kind).bind(statement, index, value);
        }
    }

    /** Normalises a raw SQL result value to the Java types Ferro uses. */
    public Object normalizeRaw(Object value) {
        return value;
    }

    protected ValueBinder binder(ValueKind kind) {
        return switch (kind) {
            case BOOLEAN -> (s, i, v) -> {
                if (v == null) s.setNull(i, Types.BOOLEAN); else s.setBoolean(i, (Boolean) v);
            };
            case SHORT -> (s, i, v) -> {
                if (v == null) s.setNull(i, Types.SMALLINT); else s.setShort(i, (Short) v);
            };
            case INT -> (s, i, v) -> {
                if (v == null) s.setNull(i, Types.INTEGER); else s.setInt(i, (Integer) v);
            };
            case LONG -> (s, i, v) -> {
                if (v == null) s.setNull(i, Types.BIGINT); else s.setLong(i, (Long) v);
            };
            case FLOAT -> (s, i, v) -> {
                if (v == null) s.setNull(i, Types.REAL); else s.setFloat(i, (Float) v);
            };
            case DOUBLE -> (s, i, v) -> {
                if (v == null) s.setNull(i, Types.DOUBLE); else s.setDouble(i, (Double) v);
            };
            case DECIMAL -> (s, i, v) -> {
                if (v == null) s.setNull(i, Types.NUMERIC); else s.setBigDecimal(i, (BigDecimal) v);
            };
            case STRING -> (s, i, v) -> {
                if (v == null) s.setNull(i, Types.VARCHAR); else s.setString(i, (String) v);
            };
            case ENUM -> (s, i, v) -> {
                if (v == null) s.setNull(i, Types.VARCHAR); else s.setString(i, ((Enum<?>) v).name());
            };
            case UUID -> (s, i, v) -> {
                if (v == null) s.setNull(i, Types.OTHER); else s.setObject(i, v);
            };
            case LOCAL_DATE -> (s, i, v) -> {
                if (v == null) s.setNull(i, Types.DATE); else s.setObject(i, v);
            };
            case LOCAL_TIME -> (s, i, v) -> {
                if (v == null) s.setNull(i, Types.TIME); else s.setObject(i, micros((LocalTime) v));
            };
            case LOCAL_DATE_TIME -> (s, i, v) -> {
                if (v == null) s.setNull(i, Types.TIMESTAMP); else s.setObject(i, micros((LocalDateTime) v));
            };
            case OFFSET_DATE_TIME, INSTANT -> (s, i, v) -> {
                if (v == null) s.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE); else s.setObject(i, utc(v));
            };
            case BYTES -> (s, i, v) -> {
                if (v == null) s.setNull(i, Types.BINARY); else s.setBytes(i, (byte[]) v);
            };
        };
    }

    protected ValueReader reader(ValueKind kind, Class<?> type, int scale) {
        return switch (kind) {
            case BOOLEAN -> (r, c) -> {
                boolean v = r.getBoolean(c);
                return r.wasNull() ? null : v;
            };
            case SHORT -> (r, c) -> {
                short v = r.getShort(c);
                return r.wasNull() ? null : v;
            };
            case INT -> (r, c) -> {
                int v = r.getInt(c);
                return r.wasNull() ? null : v;
            };
            case LONG -> (r, c) -> {
                long v = r.getLong(c);
                return r.wasNull() ? null : v;
            };
            case FLOAT -> (r, c) -> {
                float v = r.getFloat(c);
                return r.wasNull() ? null : v;
            };
            case DOUBLE -> (r, c) -> {
                double v = r.getDouble(c);
                return r.wasNull() ? null : v;
            };
            case DECIMAL -> (r, c) -> r.getBigDecimal(c);
            case STRING -> (r, c) -> r.getString(c);
            case ENUM -> enumReader(type);
            case UUID -> (r, c) -> r.getObject(c, UUID.class);
            case LOCAL_DATE -> (r, c) -> r.getObject(c, LocalDate.class);
            case LOCAL_TIME -> (r, c) -> r.getObject(c, LocalTime.class);
            case LOCAL_DATE_TIME -> (r, c) -> r.getObject(c, LocalDateTime.class);
            case OFFSET_DATE_TIME -> (r, c) -> {
                OffsetDateTime v = r.getObject(c, OffsetDateTime.class);
                return v == null ? null : v.withOffsetSameInstant(ZoneOffset.UTC);
            };
            case INSTANT -> (r, c) -> {
                OffsetDateTime v = r.getObject(c, OffsetDateTime.class);
                return v == null ? null : v.toInstant();
            };
            case BYTES -> (r, c) -> r.getBytes(c);
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    protected static ValueReader enumReader(Class<?> type) {
        Class<? extends Enum> enumType = (Class<? extends Enum>) type;
        return (r, c) -> {
            String name = r.getString(c);
            if (name == null) {
                return null;
            }
            try {
                return Enum.valueOf(enumType, name);
            } catch (IllegalArgumentException e) {
                throw new SQLException("Column value '" + name + "' is not a constant of " + type.getName(), e);
            }
        };
    }

    protected static LocalTime micros(LocalTime value) {
        return value.truncatedTo(ChronoUnit.MICROS);
    }

    protected static LocalDateTime micros(LocalDateTime value) {
        return value.truncatedTo(ChronoUnit.MICROS);
    }

    /** An OffsetDateTime or Instant as an OffsetDateTime at UTC, cut to microseconds. */
    protected static OffsetDateTime utc(Object value) {
        OffsetDateTime time = value instanceof Instant instant
                ? instant.atOffset(ZoneOffset.UTC)
                : ((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.UTC);
        return time.truncatedTo(ChronoUnit.MICROS);
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

    /** ANSI SQLSTATE class 23 codes shared by PostgreSQL and H2. */
    protected static ConstraintKind classifyAnsi(String state) {
        if (state == null) {
            return ConstraintKind.NONE;
        }
        return switch (state) {
            case "23505" -> ConstraintKind.UNIQUE;
            case "23503", "23506" -> ConstraintKind.FOREIGN_KEY;
            case "23502" -> ConstraintKind.NOT_NULL;
            default -> ConstraintKind.NONE;
        };
    }

    @Override
    public String toString() {
        return name();
    }
}
