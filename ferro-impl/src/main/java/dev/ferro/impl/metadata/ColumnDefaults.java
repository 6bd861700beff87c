package dev.ferro.impl.metadata;

import dev.ferro.ModelDefinitionException;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;

/**
 * Checks a {@code @Column(defaultValue)} against its column's kind when the model is read, so that a default
 * the database could not take fails at start, naming model and field, and not in a migration script. The
 * value is kept as text in a canonical form ({@code 1.50}, {@code true}); each dialect writes it as a literal.
 */
final class ColumnDefaults {
    private ColumnDefaults() {
    }

    static String normalized(Class<?> model, String field, ValueKind kind, Class<?> stored, String text) {
        try {
            switch (kind) {
                case BOOLEAN -> {
                    String lower = text.strip().toLowerCase(Locale.ROOT);
                    if (!lower.equals("true") && !lower.equals("false")) {
                        throw new IllegalArgumentException("is not true or false");
                    }
                    return lower;
                }
                case SHORT, INT, LONG -> {
                    long value = Long.parseLong(text.strip());
                    long min = kind == ValueKind.SHORT ? Short.MIN_VALUE : kind == ValueKind.INT ? Integer.MIN_VALUE : Long.MIN_VALUE;
                    long max = kind == ValueKind.SHORT ? Short.MAX_VALUE : kind == ValueKind.INT ? Integer.MAX_VALUE : Long.MAX_VALUE;
                    if (value < min || value > max) {
                        throw new IllegalArgumentException("does not fit the column");
                    }
                    return Long.toString(value);
                }
                case FLOAT, DOUBLE, DECIMAL -> {
                    BigDecimal value = new BigDecimal(text.strip());
                    return value.toPlainString();
                }
                case STRING -> {
                    return text;
                }
                case ENUM -> {
                    boolean constant = Arrays.stream(stored.getEnumConstants()).anyMatch(e -> ((Enum<?>) e).name().equals(text));
                    if (!constant) {
                        throw new IllegalArgumentException("is not a constant of " + stored.getSimpleName());
                    }
                    return text;
                }
                default -> throw new ModelDefinitionException(model, field, "has @Column(defaultValue = \"" + text + "\") on a "
                        + kind + " column; a default is for boolean, numeric, String and enum columns: write any other in a migration script");
            }
        } catch (NumberFormatException e) {
            throw invalid(model, field, kind, text, "is not a number");
        } catch (IllegalArgumentException e) {
            throw invalid(model, field, kind, text, e.getMessage());
        }
    }

    private static ModelDefinitionException invalid(Class<?> model, String field, ValueKind kind, String text, String why) {
        return new ModelDefinitionException(model, field, "has @Column(defaultValue = \"" + text + "\"), which " + why
                + " (a column of kind " + kind + ")");
    }
}
