package dev.ferro.impl.schema;

import dev.ferro.MigrationException;
import dev.ferro.Migrations;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.ValidateResult;

import javax.sql.DataSource;
import java.util.logging.Logger;

/** The calls into Flyway, in a class of their own: it is loaded only once {@link FlywayMigrations} has found Flyway. */
final class FlywayRunner {
    private static final Logger LOG = Logger.getLogger(FlywayRunner.class.getName());

    private FlywayRunner() {
    }

    static void run(Migrations migrations, DataSource dataSource, String dialectName, ClassLoader loader) {
        String location = migrations.location().replace("{dialect}", dialectName);
        String flywayLocation = location.contains(":") ? location : "classpath:" + location;
        try {
            FluentConfiguration configuration = Flyway.configure(loader)
                    .dataSource(dataSource)
                    .locations(flywayLocation)
                    .table(migrations.historyTable())
                    .baselineOnMigrate(migrations.baselineOnMigrate());
            ListedScripts listed = flywayLocation.startsWith("classpath:") ? ListedScripts.at(flywayLocation, loader) : null;
            if (listed != null) {
                configuration.resourceProvider(listed);
                LOG.fine(() -> "The migrations are the " + listed.size() + " file(s) " + flywayLocation + "/" + Migrations.SCRIPT_LIST + " lists");
            } else {
                LOG.fine(() -> flywayLocation + " has no " + Migrations.SCRIPT_LIST + ": Flyway looks for the scripts itself");
            }
            Flyway flyway = configuration.load();
            if (migrations.mode() == Migrations.Mode.MIGRATE) {
                int applied = flyway.migrate().migrationsExecuted;
                LOG.info(() -> "Flyway applied " + applied + " migration(s) from " + flywayLocation);
            } else {
                ValidateResult result = flyway.validateWithResult();
                if (!result.validationSuccessful) {
                    throw new MigrationException("The applied migrations are not the scripts in " + flywayLocation + ": "
                            + result.getAllErrorMessages(), null);
                }
            }
        } catch (FlywayException e) {
            throw new MigrationException("The migrations in " + flywayLocation + " failed: " + e.getMessage() + hint(e), e);
        }
    }

    /** Flyway keeps its support of PostgreSQL and MySQL/MariaDB in modules of their own. */
    private static String hint(FlywayException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("No database found to handle") || message.contains("Unsupported Database")
                ? " (Flyway supports PostgreSQL through org.flywaydb:flyway-database-postgresql and MariaDB through"
                        + " org.flywaydb:flyway-mysql: add the one of the database)"
                : "";
    }
}
