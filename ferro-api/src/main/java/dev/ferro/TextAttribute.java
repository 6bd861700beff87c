package dev.ferro;

/**
 * A {@code String} attribute. Pattern matching is case-sensitive on every database.
 */
public class TextAttribute<M> extends SortableAttribute<M, String> {
    /** The escape character Ferro uses in the patterns it builds. */
    public static final char LIKE_ESCAPE = '!';

    public TextAttribute(Class<M> model, String name) {
        super(model, name, String.class);
    }

    /** A path ({@link RefAttribute#to}). */
    protected TextAttribute(RefAttribute<M, ?> via, TextAttribute<?> remote) {
        super(via, remote);
    }

    /**
     * Equal, ignoring case: both sides lower-cased by the database ({@code LOWER(name) LIKE LOWER(?)}), every letter
     * of Unicode on every database (SQLite's own {@code lower()} knows only ASCII; Ferro registers its own). Lower
     * case is compared, so {@code "STRASSE"} does not match {@code "straße"}.
     */
    public Condition<M> eqIgnoreCase(String value) {
        return new Condition.Like<>(this, escape(requireValue(value, "eqIgnoreCase")), true, true);
    }

    /** {@link #startsWith} ignoring case, as {@link #eqIgnoreCase} compares. */
    public Condition<M> startsWithIgnoreCase(String prefix) {
        return new Condition.Like<>(this, escape(requireValue(prefix, "startsWithIgnoreCase")) + "%", true, true);
    }

    /** {@link #contains} ignoring case, as {@link #eqIgnoreCase} compares. */
    public Condition<M> containsIgnoreCase(String part) {
        return new Condition.Like<>(this, "%" + escape(requireValue(part, "containsIgnoreCase")) + "%", true, true);
    }

    /** {@code LIKE pattern}: {@code %} matches any run of characters, {@code _} one character. */
    public Condition<M> like(String pattern) {
        return new Condition.Like<>(this, requireValue(pattern, "like"), false);
    }

    /** Values that start with {@code prefix}, taken literally ({@code %} and {@code _} are not wildcards). */
    public Condition<M> startsWith(String prefix) {
        return new Condition.Like<>(this, escape(requireValue(prefix, "startsWith")) + "%", true);
    }

    /** Values that end with {@code suffix}, taken literally. */
    public Condition<M> endsWith(String suffix) {
        return new Condition.Like<>(this, "%" + escape(requireValue(suffix, "endsWith")), true);
    }

    /** Values that contain {@code part}, taken literally. */
    public Condition<M> contains(String part) {
        return new Condition.Like<>(this, "%" + escape(requireValue(part, "contains")) + "%", true);
    }

    private String requireValue(String value, String operation) {
        if (value == null) {
            throw new IllegalArgumentException(this + "." + operation + "(null) is never true in SQL; use isNull()");
        }
        return value;
    }

    private static String escape(String literal) {
        StringBuilder escaped = new StringBuilder(literal.length() + 4);
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == '%' || c == '_' || c == LIKE_ESCAPE) {
                escaped.append(LIKE_ESCAPE);
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
