package dev.ferro.impl.metadata;

/**
 * Values of a field's Java type that no database stores as they are: shared by the write check
 * ({@code validation.ColumnFit}) and the conditions ({@code sql.QueryRenderer}), which refuse the same values.
 */
public final class Unstorable {
    private Unstorable() {
    }

    /** The index of the first unpaired UTF-16 surrogate, which every database replaces with {@code ?}; -1 when none. */
    public static int unpairedSurrogate(String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the value is a NaN or an infinite Float or Double: MariaDB cannot store one, and the others compare them differently. */
    public static boolean nonFinite(Object value) {
        return value instanceof Double d && (d.isNaN() || d.isInfinite())
                || value instanceof Float f && (f.isNaN() || f.isInfinite());
    }
}
