package dev.ferro.impl.validation;

import dev.ferro.Assignment;
import dev.ferro.Column;
import dev.ferro.impl.metadata.FieldMetadata;
import dev.ferro.impl.metadata.Unstorable;
import dev.ferro.impl.metadata.ValueKind;
import dev.ferro.impl.sql.Dialect;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Whether a value fits its column exactly. Every write asks before any SQL, so that no database
 * rounds a decimal, cuts a string or replaces a character behind the user's back, and all four
 * refuse the same values with the same error: the databases differ here (SQLite enforces no length,
 * MariaDB cannot store NaN, each turns an unpaired surrogate into {@code ?}).
 */
final class ColumnFit {
    private ColumnFit() {
    }

    /** Why the field value cannot be stored as it is in the field's column, or null when it can. */
    static String misfit(FieldMetadata field, Object fieldValue, Dialect dialect) {
        Object value = field.toStored(fieldValue);
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
        int fractionDigits = fractionDigits(stripped);
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
     * Why the operand of an update expression on a decimal column would make the database round, or
     * null: an operand of {@code add} or {@code subtract} may have no more digits after the point
     * than the column's scale, one of {@code multiply} none.
     */
    static String operandMisfit(FieldMetadata field, Assignment.Operator operator, Object operand) {
        if (field.kind() != ValueKind.DECIMAL || operand == null || ((BigDecimal) operand).signum() == 0) {
            return null;
        }
        int fractionDigits = fractionDigits(((BigDecimal) operand).stripTrailingZeros());
        int allowed = operator == Assignment.Operator.MULTIPLY ? 0 : field.scale();
        if (fractionDigits <= allowed) {
            return null;
        }
        return "has " + fractionDigits + " digits after the decimal point: " + operator.name().toLowerCase(Locale.ROOT)
                + " by it would give more than the column's scale, " + field.scale() + ", and the database would round";
    }

    private static int fractionDigits(BigDecimal stripped) {
        return Math.max(stripped.scale(), 0);
    }

    /**
     * An unpaired surrogate is not a character: every database replaces it with {@code ?}. The length
     * counts code points, as PostgreSQL and MariaDB count characters.
     */
    private static String string(FieldMetadata field, String value) {
        int surrogate = Unstorable.unpairedSurrogate(value);
        if (surrogate >= 0) {
            return "has an unpaired UTF-16 surrogate (\\u" + Integer.toHexString(value.charAt(surrogate)).toUpperCase(Locale.ROOT)
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
