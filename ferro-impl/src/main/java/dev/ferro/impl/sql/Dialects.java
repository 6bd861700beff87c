package dev.ferro.impl.sql;

import java.util.Locale;

/** Picks the dialect of a JDBC URL or of a connection's product name. */
public final class Dialects {
    private Dialects() {
    }

    /** @throws IllegalArgumentException naming the URL scheme when Ferro does not support it */
    public static Dialect forUrl(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:")) {
            return new H2Dialect();
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return new PostgresDialect();
        }
        if (lower.startsWith("jdbc:mariadb:")) {
            return new MariaDbDialect(false);
        }
        if (lower.startsWith("jdbc:mysql:")) {
            return new MariaDbDialect(true);
        }
        if (lower.startsWith("jdbc:sqlite:")) {
            return new SqliteDialect();
        }
        int schemeEnd = url.indexOf(':', 5);
        throw new IllegalArgumentException("Unsupported database URL scheme '" + (schemeEnd > 0 ? url.substring(0, schemeEnd) : url)
                + "'; Ferro supports jdbc:h2:, jdbc:postgresql:, jdbc:mariadb:, jdbc:mysql: and jdbc:sqlite:");
    }

    /** From {@code DatabaseMetaData.getDatabaseProductName()}. */
    public static Dialect forProductName(String product) {
        String lower = product.toLowerCase(Locale.ROOT);
        if (lower.contains("h2")) {
            return new H2Dialect();
        }
        if (lower.contains("postgres")) {
            return new PostgresDialect();
        }
        if (lower.contains("mariadb")) {
            return new MariaDbDialect(false);
        }
        if (lower.contains("mysql")) {
            return new MariaDbDialect(true);
        }
        if (lower.contains("sqlite")) {
            return new SqliteDialect();
        }
        throw new IllegalArgumentException("Unsupported database '" + product
                + "'; Ferro supports H2, PostgreSQL, MariaDB, MySQL and SQLite");
    }
}
