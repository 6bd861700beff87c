package dev.ferro.impl.testing;

import dev.ferro.Ferro;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Databases with no table for the tests that need one (Flyway will not start on a schema that has tables but
 * no history; a migration round trip compares two): a new in-memory H2 database or SQLite file, or a
 * PostgreSQL or MariaDB database dropped and made again through the test's own connection.
 */
public final class EmptyDatabases {
    private static final AtomicInteger EMBEDDED = new AtomicInteger();

    private EmptyDatabases() {
    }

    /** The URL of an empty database named {@code name} (on the servers) beside {@code database}'s. */
    public static String url(Database database, Ferro admin, String name) {
        switch (database) {
            case H2:
                return "jdbc:h2:mem:" + name + "_" + EMBEDDED.incrementAndGet();
            case SQLITE:
                try {
                    return "jdbc:sqlite:" + Files.createTempDirectory(name).resolve("test.db");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            case POSTGRESQL:
            case MARIADB:
                admin.execute(database == Database.POSTGRESQL ? "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"
                        : "DROP DATABASE IF EXISTS " + name);
                admin.execute("CREATE DATABASE " + name);
                return database.url().substring(0, database.url().lastIndexOf('/') + 1) + name;
            default:
                throw new IllegalStateException(database + " has no empty databases");
        }
    }
}
