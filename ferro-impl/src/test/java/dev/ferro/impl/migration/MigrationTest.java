package dev.ferro.impl.migration;

import dev.ferro.Ferro;
import dev.ferro.FerroOptions;
import dev.ferro.MigrationException;
import dev.ferro.Migrations;
import dev.ferro.SchemaMismatchException;
import dev.ferro.SchemaMode;
import dev.ferro.impl.testing.DatabaseTest;
import dev.ferro.impl.testing.EmptyDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Flyway migrations at connect ({@link Migrations}), each test on an empty database of its own (Flyway
 * will not start on a schema that has tables but no history): the scripts of the test resources
 * ({@code db/migrations-test/<dialect>}: V1 makes {@code mig_account}, V2 adds its nickname; its
 * {@code ferro-migrations.list} names those two and not the broken V3 beside them) are applied
 * once, the models work on the result, and a failed script, a pending one, a model the scripts do not
 * make and a missing Flyway each fail the start with what went wrong.
 */
class MigrationTest extends DatabaseTest {
    private static final Migrations SCRIPTS = Migrations.migrate().location("db/migrations-test/{dialect}");

    private String url;

    @Override
    protected Class<?>[] models() {
        return new Class<?>[0];
    }

    @BeforeEach
    void emptyDatabase() {
        url = EmptyDatabases.url(database, ferro, "ferro_migrations");
    }

    private Ferro start(Migrations migrations) {
        return start(database.options().models(MigAccount.class).migrations(migrations));
    }

    private Ferro start(FerroOptions options) {
        return Ferro.connect(url, options);
    }

    /** The versions of the history; where Flyway made the schema itself it records that too, in a row without a version. */
    private static List<Object> versions(Ferro ferro) {
        return ferro.fetchAll("SELECT version FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank").stream()
                .map(row -> row.get("version")).toList();
    }

    @Test
    void migrateAppliesTheScriptsAndTheModelsWorkOnWhatTheyMade() {
        try (Ferro migrated = start(SCRIPTS)) {
            assertEquals(List.of("1", "2"), versions(migrated));
            long id = migrated.query(MigAccount.class).create(new MigAccount("ann@example.com", "annie")).id;
            assertEquals("annie", migrated.query(MigAccount.class).get(id).nickname);
        }
    }

    @Test
    void aSecondStartAppliesNothingAndKeepsTheRows() {
        try (Ferro first = start(SCRIPTS)) {
            first.query(MigAccount.class).create(new MigAccount("ann@example.com", null));
        }
        try (Ferro second = start(SCRIPTS)) {
            assertEquals(List.of("1", "2"), versions(second));
            assertEquals(1, second.query(MigAccount.class).count());
        }
    }

    @Test
    void aFailedScriptFailsTheStartWithFlywaysMessage() {
        MigrationException failure = assertThrows(MigrationException.class,
                () -> start(Migrations.migrate().location("db/migrations-broken")).close());

        assertTrue(failure.getMessage().startsWith("The migrations in classpath:db/migrations-broken failed: "), failure.getMessage());
        assertTrue(failure.getMessage().contains("V1__broken.sql"), failure.getMessage());
    }

    @Test
    void aListThatNamesAMissingScriptFailsTheStartNamingIt() {
        MigrationException failure = assertThrows(MigrationException.class,
                () -> start(Migrations.migrate().location("db/migrations-listed-missing")).close());

        assertTrue(failure.getMessage().endsWith("ferro-migrations.list names V1__gone.sql, which is not at db/migrations-listed-missing"),
                failure.getMessage());
    }

    @Test
    void theHistoryGoesToTheTableNamed() {
        try (Ferro migrated = start(SCRIPTS.historyTable("mig_history"))) {
            assertEquals(List.of("1", "2"), migrated.fetchAll("SELECT version FROM mig_history WHERE version IS NOT NULL ORDER BY installed_rank")
                    .stream().map(row -> row.get("version")).toList());
        }
    }

    @Test
    void aModelTheScriptsDoNotMakeFailsTheStartListingTheMismatch() {
        // db/migrations-v1 has no ferro-migrations.list: Flyway finds its one script itself
        SchemaMismatchException failure = assertThrows(SchemaMismatchException.class,
                () -> start(Migrations.migrate().location("db/migrations-v1/{dialect}")).close());

        assertEquals(List.of("column mig_account.nickname (MigAccount.nickname) does not exist"), failure.mismatches());
    }

    @Test
    void validateAcceptsAnUpToDateDatabaseAndRefusesAPendingScript() {
        // V1 alone is applied, and the start fails on the model's nickname, which V2 adds.
        assertThrows(SchemaMismatchException.class, () -> start(Migrations.migrate().location("db/migrations-v1/{dialect}")).close());
        MigrationException pending = assertThrows(MigrationException.class,
                () -> start(Migrations.validate().location("db/migrations-test/{dialect}")).close());
        assertTrue(pending.getMessage().startsWith("The applied migrations are not the scripts in classpath:db/migrations-test/"),
                pending.getMessage());

        start(SCRIPTS).close();
        try (Ferro validated = start(Migrations.validate().location("db/migrations-test/{dialect}"))) {
            assertEquals(List.of("1", "2"), versions(validated));
        }
    }

    @Test
    void baselineOnMigrateTakesAnExistingSchemaAsTheFirstVersion() {
        try (Ferro existing = start(database.options().models(MigAccount.class).schema(SchemaMode.CREATE))) {
            existing.execute("ALTER TABLE mig_account DROP COLUMN nickname");
        }
        MigrationException refused = assertThrows(MigrationException.class, () -> start(SCRIPTS).close());
        assertTrue(refused.getMessage().contains("no schema history table"), refused.getMessage());

        try (Ferro migrated = start(Migrations.migrate().location("db/migrations-test/{dialect}").baselineOnMigrate(true))) {
            assertEquals(List.of("1", "2"), versions(migrated));
            assertEquals("bo", migrated.query(MigAccount.class).create(new MigAccount("bob@example.com", "bo")).nickname);
        }
    }

    @Test
    void aSchemaStepThatMakesTablesCannotGoWithMigrations() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> start(database.options().models(MigAccount.class).schema(SchemaMode.CREATE).migrations(SCRIPTS)).close());

        assertEquals("The schema step CREATE (ferro.schema=create) cannot go with migrations (ferro.migrations=migrate): the migration"
                + " scripts make the tables; leave the schema step at none or validate", refused.getMessage());
    }

    @Test
    void withoutFlywayTheStartSaysWhatToAdd() {
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        thread.setContextClassLoader(new ClassLoader(original) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith("org.flywaydb.")) {
                    throw new ClassNotFoundException(name);
                }
                return super.loadClass(name, resolve);
            }
        });
        try {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> start(SCRIPTS).close());
            assertEquals("Migrations at start (ferro.migrations) need Flyway: add org.flywaydb:flyway-core to the application, and for"
                    + " PostgreSQL or MariaDB org.flywaydb:flyway-database-postgresql or org.flywaydb:flyway-mysql", refused.getMessage());
        } finally {
            thread.setContextClassLoader(original);
        }
    }
}
