package dev.ferro.impl.metadata;

import java.nio.charset.StandardCharsets;

/** Derives database names from Java names. */
public final class Naming {
    /**
     * The length in UTF-8 bytes that generated constraint and index names are cut to: PostgreSQL's
     * limit, the smallest of the databases Ferro knows, so that a model's schema has the same names
     * on each. A name the model gives is checked against its own database's limit instead
     * ({@code sql.Dialect#unsupportedIdentifier}).
     */
    public static final int GENERATED_NAME_BYTES = 63;

    private Naming() {
    }

    /** {@code BlogPost} becomes {@code blog_post}, {@code HTTPServer} {@code http_server}, {@code userID} {@code user_id}. */
    public static String snakeCase(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean afterLowerOrDigit = i > 0 && (Character.isLowerCase(name.charAt(i - 1)) || Character.isDigit(name.charAt(i - 1)));
                boolean endOfAcronym = i > 0 && Character.isUpperCase(name.charAt(i - 1))
                        && i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
                if (afterLowerOrDigit || endOfAcronym) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A constraint or index name, cut to {@link #GENERATED_NAME_BYTES}. The limit is
     * counted in UTF-8 bytes, as PostgreSQL counts it: a name of 63 characters with non-ASCII letters
     * would otherwise be cut again by the database, without the hash.
     */
    public static String constraintName(String prefix, String table, java.util.List<String> columns) {
        String name = prefix + "_" + table + "_" + String.join("_", columns);
        if (utf8Length(name) <= GENERATED_NAME_BYTES) {
            return name;
        }
        // A hash of the full name keeps two long names that share a prefix apart.
        String hash = "_" + Integer.toHexString(name.hashCode());
        int end = 0;
        int bytes = hash.length();
        while (end < name.length()) {
            int codePoint = name.codePointAt(end);
            bytes += utf8Length(Character.toString(codePoint));
            if (bytes > GENERATED_NAME_BYTES) {
                break;
            }
            end += Character.charCount(codePoint);
        }
        return name.substring(0, end) + hash;
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
