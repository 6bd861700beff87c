package dev.ferro.impl.validation;

import dev.ferro.Column;
import dev.ferro.impl.metadata.FieldMetadata;
import dev.ferro.impl.metadata.Unstorable;
import dev.ferro.impl.sql.Dialect;

import java.math.BigDecimal;

/**
 * Whether a value fits its column exactly. Every write asks before any SQL, so that no database
 * rounds a decimal, cuts a string or replaces a character behind the user's back, and all four
 * refuse the same values with the same error: the databases differ here (SQLite enforces no length,
 * MariaDB cannot store NaN, each turns an unpaired surrogate into {@code ?}).
 */
final class ColumnFit {
    private ColumnFit() {
    }

    /** Why the value cannot be stored as it is in the field's column, or null when it can. */
    static String misfit(FieldMetadata field, Object value, Dialect dialect) {
        if (value == null) {
            return null;
        }
        return switch (field.kind()) {
            case DECIMAL -> decimal(field, (BigDecimal) value, dialect);
            case STRING -> string(field, (String) value);
            case FLOAT, DOUBLE -> Unstorable.nonFinite(value) ? "is " + value + ", which Ferro does not store (MariaDB"
                    + " cannot, and SQL compares it differently on each database)" : null;
            default -> null;
        };
    }

    private static String decimal(FieldMetadata field, BigDecimal value, Dialect dialect) {
        if (value.signum() == 0) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        int fractionDigits = Math.max(stripped.scale(), 0);
        if (fractionDigits > field.scale()) {
            return "has " + fractionDigits + " digits after the decimal point, and its column (precision "
                    + field.precision() + ", scale " + field.scale() + ") keeps " + field.scale() + ": it would be rounded";
        }
        int integerDigits = Math.max(stripped.precision() - stripped.scale(), 0);
        int room = field.precision() - field.scale();
        if (integerDigits > room) {
            return "has " + integerDigits + " digits before the decimal point, and its column (precision "
                    + field.precision() + ", scale " + field.scale() + ") holds " + room;
        }
        return dialect.decimalMisfit(stripped);
    }

    /**
     * An unpaired surrogate is not a character: every database replaces it with {@code ?}. The length
     * counts code points, as PostgreSQL and MariaDB count characters.
     */
    private static String string(FieldMetadata field, String value) {
        int surrogate = Unstorable.unpairedSurrogate(value);
        if (surrogate >= 0) {
            return "has an unpaired UTF-16 surrogate (\\u" + Integer.toHexString(value.charAt(surrogate)).toUpperCase(java.util.Locale.ROOT)
                    + ") at index " + surrogate + ", which is not a character and cannot be stored";
        }
        int length = value.length();
        // A String's length in chars is never below its count of code points.
        if (field.length() != Column.UNLIMITED && length > field.length()) {
            int characters = value.codePointCount(0, length);
            if (characters > field.length()) {
                return "has " + characters + " characters, and its column holds " + field.length();
            }
        }
        return null;
    }

}
