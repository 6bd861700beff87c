package dev.ferro.impl.schema;

import dev.ferro.MigrationException;
import dev.ferro.Migrations;

import javax.sql.DataSource;

/**
 * Runs the application's Flyway migrations at start ({@link Migrations}). Flyway is an optional
 * dependency: this class names none of its types, and hands over to {@link FlywayRunner}, which does,
 * only once it has found Flyway.
 */
public final class FlywayMigrations {
    private static final String FLYWAY = "org.flywaydb.core.Flyway";

    private FlywayMigrations() {
    }

    /**
     * Migrates or validates as {@code migrations} says, the scripts found through {@code loader} (the
     * application's) at the location, {@code {dialect}} in it replaced by {@code dialectName}.
     *
     * @throws IllegalStateException when Flyway is not on the class path
     * @throws MigrationException when a script fails, or validation finds the applied ones are not the scripts there are
     */
    public static void run(Migrations migrations, DataSource dataSource, String dialectName, ClassLoader loader) {
        if (migrations.mode() == Migrations.Mode.NONE) {
            return;
        }
        try {
            Class.forName(FLYWAY, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("Migrations at start (ferro.migrations) need Flyway: add org.flywaydb:flyway-core to the"
                    + " application, and for PostgreSQL or MariaDB org.flywaydb:flyway-database-postgresql or org.flywaydb:flyway-mysql", e);
        }
        FlywayRunner.run(migrations, dataSource, dialectName, loader);
    }
}
