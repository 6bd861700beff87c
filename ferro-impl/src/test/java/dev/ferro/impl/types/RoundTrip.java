package dev.ferro.impl.types;

import java.lang.reflect.Field;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A value written into one field of {@link AllTypes}, and the value a fresh read must give back. */
record RoundTrip(String field, Object written, Object expected, String description) {

    /** The value reads back exactly as written. */
    static RoundTrip exact(String field, Object value) {
        return new RoundTrip(field, value, value, field + " = " + show(value));
    }

    /** The value reads back as {@code expected}, for the reason given. */
    static RoundTrip reads(String field, Object written, Object expected, String why) {
        return new RoundTrip(field, written, expected, field + " = " + show(written) + " reads " + show(expected) + " (" + why + ")");
    }

    void writeTo(AllTypes model) {
        set(model, field, written);
    }

    void assertReadFrom(AllTypes model) {
        Object actual = get(model, field);
        if (expected instanceof byte[] bytes) {
            assertArrayEquals(bytes, (byte[]) actual, field);
        } else {
            assertEquals(expected, actual, field);
        }
    }

    static Object get(AllTypes model, String field) {
        try {
            return AllTypes.class.getField(field).get(model);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(field, e);
        }
    }

    static void set(AllTypes model, String field, Object value) {
        try {
            Field target = AllTypes.class.getField(field);
            target.set(model, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(field, e);
        }
    }

    private static String show(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes.length > 16 ? "byte[" + bytes.length + "]" : Arrays.toString(bytes);
        }
        if (value instanceof String text && text.length() > 40) {
            return "<" + text.length() + " chars>";
        }
        return value instanceof String text ? "'" + text + "'" : String.valueOf(value);
    }

    @Override
    public String toString() {
        return description;
    }
}
