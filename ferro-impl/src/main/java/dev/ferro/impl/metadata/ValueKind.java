package dev.ferro.impl.metadata;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** The Java value types a column can hold; each dialect maps every kind to SQL, a binder and a reader. */
public enum ValueKind {
    BOOLEAN, SHORT, INT, LONG, FLOAT, DOUBLE, DECIMAL, STRING, UUID, LOCAL_DATE, LOCAL_TIME, LOCAL_DATE_TIME,
    OFFSET_DATE_TIME, INSTANT, BYTES, ENUM;

    private static final Map<Class<?>, ValueKind> BY_TYPE = Map.ofEntries(
            Map.entry(boolean.class, BOOLEAN), Map.entry(Boolean.class, BOOLEAN),
            Map.entry(short.class, SHORT), Map.entry(Short.class, SHORT),
            Map.entry(int.class, INT), Map.entry(Integer.class, INT),
            Map.entry(long.class, LONG), Map.entry(Long.class, LONG),
            Map.entry(float.class, FLOAT), Map.entry(Float.class, FLOAT),
            Map.entry(double.class, DOUBLE), Map.entry(Double.class, DOUBLE),
            Map.entry(BigDecimal.class, DECIMAL),
            Map.entry(String.class, STRING),
            Map.entry(java.util.UUID.class, UUID),
            Map.entry(LocalDate.class, LOCAL_DATE),
            Map.entry(LocalTime.class, LOCAL_TIME),
            Map.entry(LocalDateTime.class, LOCAL_DATE_TIME),
            Map.entry(OffsetDateTime.class, OFFSET_DATE_TIME),
            Map.entry(Instant.class, INSTANT),
            Map.entry(byte[].class, BYTES));

    /** The kind of a Java type, or null when Ferro cannot store it. */
    public static ValueKind of(Class<?> type) {
        if (type.isEnum()) {
            return ENUM;
        }
        return BY_TYPE.get(type);
    }

    /** The supported types, for error messages. */
    public static String supportedTypes() {
        return "boolean, short, int, long, float, double (and their wrappers), BigDecimal, String, UUID, "
                + "LocalDate, LocalTime, LocalDateTime, OffsetDateTime, Instant, byte[], enums";
    }

    public boolean isIntegral() {
        return this == SHORT || this == INT || this == LONG;
    }
}
