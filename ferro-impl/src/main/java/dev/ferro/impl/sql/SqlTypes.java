package dev.ferro.impl.sql;

import dev.ferro.Column;
import dev.ferro.impl.metadata.ValueKind;

import java.math.BigDecimal;
import java.sql.SQLException;
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
 * The {@link SqlType} of every value kind on one database: {@link #standard()} is standard SQL and JDBC
 * 4.2, as H2 and PostgreSQL take them, and a dialect replaces what its database does otherwise with
 * {@link #with}. This is where a value becomes a parameter and a column becomes a value again, for
 * every kind: the one table to change when a database keeps a kind differently.
 *
 * <p>Temporal values are kept with microsecond precision (the finest that PostgreSQL and MariaDB keep);
 * {@code OffsetDateTime} and {@code Instant} are kept as UTC, so an {@code OffsetDateTime} reads back at
 * offset {@code Z}. Strings and the primitive kinds (and their wrappers) are read with the plain
 * {@code ResultSet} getters on every database, since generated row readers call those directly
 * ({@code hydration.RowColumns}).
 */
public final class SqlTypes {
    private static final SqlTypes STANDARD = new SqlTypes(standardTypes());

    private final Map<ValueKind, SqlType> byKind;

    private SqlTypes(Map<ValueKind, SqlType> byKind) {
        this.byKind = byKind;
    }

    /** Standard SQL and JDBC. */
    public static SqlTypes standard() {
        return STANDARD;
    }

    /** These types with one kind kept otherwise. */
    public SqlTypes with(ValueKind kind, SqlType type) {
        EnumMap<ValueKind, SqlType> changed = new EnumMap<>(byKind);
        changed.put(kind, type);
        return new SqlTypes(changed);
    }

    /** These types with one kind declared otherwise, bound and read the same. */
    public SqlTypes declaring(ValueKind kind, String columnType) {
        return with(kind, of(kind).declared(columnType));
    }

    /** These types with one kind declared otherwise, by size, bound and read the same. */
    public SqlTypes declaring(ValueKind kind, SqlType.Declaration declaration) {
        return with(kind, of(kind).declared(declaration));
    }

    public SqlType of(ValueKind kind) {
        return byKind.get(kind);
    }

    private static Map<ValueKind, SqlType> standardTypes() {
        EnumMap<ValueKind, SqlType> types = new EnumMap<>(ValueKind.class);
        types.put(ValueKind.BOOLEAN, SqlType.of("BOOLEAN",
                (s, i, v) -> {
                    if (v == null) s.setNull(i, Types.BOOLEAN); else s.setBoolean(i, (Boolean) v);
                },
                (r, c) -> {
                    boolean v = r.getBoolean(c);
                    return r.wasNull() ? null : v;
                }));
        types.put(ValueKind.SHORT, SqlType.of("SMALLINT",
                (s, i, v) -> {
                    if (v == null) s.setNull(i, Types.SMALLINT); else s.setShort(i, (Short) v);
                },
                (r, c) -> {
                    short v = r.getShort(c);
                    return r.wasNull() ? null : v;
                }));
        types.put(ValueKind.INT, SqlType.of("INTEGER",
                (s, i, v) -> {
                    if (v == null) s.setNull(i, Types.INTEGER); else s.setInt(i, (Integer) v);
                },
                (r, c) -> {
                    int v = r.getInt(c);
                    return r.wasNull() ? null : v;
                }));
        types.put(ValueKind.LONG, SqlType.of("BIGINT",
                (s, i, v) -> {
                    if (v == null) s.setNull(i, Types.BIGINT); else s.setLong(i, (Long) v);
                },
                (r, c) -> {
                    long v = r.getLong(c);
                    return r.wasNull() ? null : v;
                }));
        types.put(ValueKind.FLOAT, SqlType.of("REAL",
                (s, i, v) -> {
                    if (v == null) s.setNull(i, Types.REAL); else s.setFloat(i, (Float) v);
                },
                (r, c) -> {
                    float v = r.getFloat(c);
                    return r.wasNull() ? null : v;
                }));
        types.put(ValueKind.DOUBLE, SqlType.of("DOUBLE PRECISION",
                (s, i, v) -> {
                    if (v == null) s.setNull(i, Types.DOUBLE); else s.setDouble(i, (Double) v);
                },
                (r, c) -> {
                    double v = r.getDouble(c);
                    return r.wasNull() ? null : v;
                }));
        types.put(ValueKind.DECIMAL, new SqlType(
                (length, precision, scale) -> "NUMERIC(" + precision + "," + scale + ")",
                (s, i, v) -> {
                    if (v == null) s.setNull(i, Types.NUMERIC); else s.setBigDecimal(i, (BigDecimal) v);
                },
                field -> (r, c) -> r.getBigDecimal(c)));
        types.put(ValueKind.STRING, new SqlType(
                (length, precision, scale) -> length == Column.UNLIMITED ? "CHARACTER LARGE OBJECT" : "VARCHAR(" + length + ")",
                (s, i, v) -> {
                    if (v == null) s.setNull(i, Types.VARCHAR); else s.setString(i, (String) v);
                },
                field -> (r, c) -> r.getString(c)));
        types.put(ValueKind.ENUM, new SqlType(
                (length, precision, scale) -> "VARCHAR(" + length + ")",
                (s, i, v) -> {
                    if (v == null) s.setNull(i, Types.VARCHAR); else s.setString(i, ((Enum<?>) v).name());
                },
                field -> enumReader(field.storedType())));
        types.put(ValueKind.UUID, SqlType.of("UUID",
                (s, i, v) -> {
                    if (v == null) s.setNull(i, Types.OTHER); else s.setObject(i, v);
                },
                (r, c) -> r.getObject(c, UUID.class)));
        types.put(ValueKind.LOCAL_DATE, SqlType.of("DATE",
                (s, i, v) -> {
                    if (v == null) s.setNull(i, Types.DATE); else s.setObject(i, v);
                },
                (r, c) -> r.getObject(c, LocalDate.class)));
        types.put(ValueKind.LOCAL_TIME, SqlType.of("TIME(6)",
                (s, i, v) -> {
                    if (v == null) s.setNull(i, Types.TIME); else s.setObject(i, micros((LocalTime) v));
                },
                (r, c) -> r.getObject(c, LocalTime.class)));
        types.put(ValueKind.LOCAL_DATE_TIME, SqlType.of("TIMESTAMP(6)",
                (s, i, v) -> {
                    if (v == null) s.setNull(i, Types.TIMESTAMP); else s.setObject(i, micros((LocalDateTime) v));
                },
                (r, c) -> r.getObject(c, LocalDateTime.class)));
        ValueBinder utcBinder = (s, i, v) -> {
            if (v == null) s.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE); else s.setObject(i, utc(v));
        };
        types.put(ValueKind.OFFSET_DATE_TIME, SqlType.of("TIMESTAMP(6) WITH TIME ZONE", utcBinder,
                (r, c) -> {
                    OffsetDateTime v = r.getObject(c, OffsetDateTime.class);
                    return v == null ? null : v.withOffsetSameInstant(ZoneOffset.UTC);
                }));
        types.put(ValueKind.INSTANT, SqlType.of("TIMESTAMP(6) WITH TIME ZONE", utcBinder,
                (r, c) -> {
                    OffsetDateTime v = r.getObject(c, OffsetDateTime.class);
                    return v == null ? null : v.toInstant();
                }));
        types.put(ValueKind.BYTES, SqlType.of("VARBINARY",
                (s, i, v) -> {
                    if (v == null) s.setNull(i, Types.BINARY); else s.setBytes(i, (byte[]) v);
                },
                (r, c) -> r.getBytes(c)));
        if (types.size() != ValueKind.values().length) {
            throw new AssertionError("A value kind has no standard SQL type");
        }
        return types;
    }

    /** Reads a column holding an enum constant's name. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static ValueReader enumReader(Class<?> type) {
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

    public static LocalTime micros(LocalTime value) {
        return value.truncatedTo(ChronoUnit.MICROS);
    }

    public static LocalDateTime micros(LocalDateTime value) {
        return value.truncatedTo(ChronoUnit.MICROS);
    }

    /** An OffsetDateTime or Instant as an OffsetDateTime at UTC, cut to microseconds. */
    public static OffsetDateTime utc(Object value) {
        OffsetDateTime time = value instanceof Instant instant
                ? instant.atOffset(ZoneOffset.UTC)
                : ((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.UTC);
        return time.truncatedTo(ChronoUnit.MICROS);
    }
}
