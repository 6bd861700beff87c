package dev.ferro.impl.metadata;

/** Derives database names from Java names. */
public final class Naming {
    /** PostgreSQL cuts identifiers at 63 bytes; MariaDB at 64. */
    public static final int MAX_IDENTIFIER_LENGTH = 63;

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

    /** A constraint or index name, cut to the identifier limit every database accepts. */
    public static String constraintName(String prefix, String table, java.util.List<String> columns) {
        String name = prefix + "_" + table + "_" + String.join("_", columns);
        if (name.length() <= MAX_IDENTIFIER_LENGTH) {
            return name;
        }
        // A hash of the full name keeps two long names that share a prefix apart.
        String hash = Integer.toHexString(name.hashCode());
        return name.substring(0, MAX_IDENTIFIER_LENGTH - hash.length() - 1) + "_" + hash;
    }
}
