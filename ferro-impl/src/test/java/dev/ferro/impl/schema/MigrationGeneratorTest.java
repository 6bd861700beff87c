package dev.ferro.impl.schema;

import dev.ferro.Ferro;
import dev.ferro.Migrations;
import dev.ferro.impl.metadata.ColumnTypes;
import dev.ferro.impl.metadata.ModelRegistry;
import dev.ferro.impl.metadata.ValueKind;
import dev.ferro.impl.sql.Dialect;
import dev.ferro.impl.sql.Dialects;
import dev.ferro.impl.testing.DatabaseTest;
import dev.ferro.impl.testing.EmptyDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The migration generator: scripts for each database and a snapshot from the models, nothing when nothing
 * changed, byte-identical output for the same models, drops only when asked, a check that fails on changed
 * models; and the scripts it writes, run by Flyway at Ferro's start, make the schema the models need.
 */
class MigrationGeneratorTest extends DatabaseTest {
    private static final List<Dialect> ALL = List.of(Dialects.named("h2"), Dialects.named("postgresql"), Dialects.named("mariadb"),
            Dialects.named("sqlite"));

    @Override
    protected Class<?>[] models() {
        return new Class<?>[0];
    }

    private static SchemaModel schemaOf(Class<?>... models) {
        ModelRegistry registry = new ModelRegistry(ColumnTypes.withServices(List.of()));
        registry.declare(List.of(models));
        return SchemaModels.of(registry);
    }

    /** Ferro started with the scripts of the directory on the class path, as in an application, where they are read by their list. */
    private Ferro start(String url, Path directory, Class<?>... models) throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        try (URLClassLoader scripts = new URLClassLoader(new URL[] {directory.toUri().toURL()}, original)) {
            thread.setContextClassLoader(scripts);
            return Ferro.connect(url, database.options().models(models).migrations(Migrations.migrate().location("{dialect}")));
        } finally {
            thread.setContextClassLoader(original);
        }
    }

    @Test
    void theScriptsItWritesMakeTheSchemaTheModelsNeedVersionAfterVersion() throws IOException {
        Path directory = Files.createTempDirectory("ferro-generated");
        MigrationGenerator.Result first = MigrationGenerator.generate(schemaOf(SchemaAccount.class, SchemaAddress.class), MigrationHints.NONE, directory, ALL,
                "accounts", false);
        assertEquals(1, first.version());
        assertTrue(Files.exists(directory.resolve(Dialects.forUrl(database.url()).name()).resolve("V1__accounts.sql")));
        String url = EmptyDatabases.url(database, ferro, "ferro_generated");
        try (Ferro v1 = start(url, directory, SchemaAccount.class, SchemaAddress.class)) {
            v1.query(SchemaAccount.class).create(new SchemaAccount("ann@example.com", 30));
        }

        MigrationGenerator.Result second = MigrationGenerator.generate(
                schemaOf(SchemaAccount.class, SchemaAddress.class, SchemaLongNames.class, SchemaPrice.class), MigrationHints.NONE, directory, ALL, "prices", false);
        assertEquals(2, second.version());
        try (Ferro v2 = start(url, directory, SchemaAccount.class, SchemaAddress.class, SchemaLongNames.class, SchemaPrice.class)) {
            assertEquals(1, v2.query(SchemaAccount.class).count());
            assertEquals(List.of(Map.of("version", "1"), Map.of("version", "2")),
                    v2.fetchAll("SELECT version FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank"));
        }
    }

    @Test
    void renamesTheModelsDeclareKeepTheRowsAndNewRequiredColumnsTakeTheirDefaultOrBackfill() throws IOException {
        Path directory = Files.createTempDirectory("ferro-generated");
        MigrationGenerator.generate(schemaOf(GenPerson.class), MigrationHints.NONE, directory, ALL, "people", false);
        String url = EmptyDatabases.url(database, ferro, "ferro_generated");
        long id;
        try (Ferro v1 = start(url, directory, GenPerson.class)) {
            id = v1.query(GenPerson.class).create(new GenPerson("Ann", 30)).id;
        }

        ModelRegistry registry = new ModelRegistry(ColumnTypes.withServices(List.of()));
        registry.declare(List.of(GenPeople.class));
        MigrationHints hints = SchemaModels.hints(registry).withBackfills(Map.of("gen_people.city", "Oslo"));
        MigrationGenerator.Result renamed = MigrationGenerator.generate(SchemaModels.of(registry), hints, directory, ALL, "renames", false);

        assertEquals(List.of("rename table gen_person to gen_people", "rename column gen_people.name to full_name",
                "add column gen_people.status", "add column gen_people.city"), renamed.changes().stream().map(SchemaChange::describe).toList());
        assertEquals("""
                -- Ferro migration V2, generated from the models
                ALTER TABLE "gen_person" RENAME TO "gen_people";
                ALTER TABLE "gen_people" RENAME COLUMN "name" TO "full_name";
                ALTER TABLE "gen_people" ADD COLUMN "status" VARCHAR(255) DEFAULT 'active' NOT NULL;
                ALTER TABLE "gen_people" ADD COLUMN "city" VARCHAR(255);
                UPDATE "gen_people" SET "city" = 'Oslo' WHERE "city" IS NULL;
                ALTER TABLE "gen_people" ALTER COLUMN "city" SET NOT NULL;
                """, Files.readString(directory.resolve("postgresql/V2__renames.sql")));
        try (Ferro v2 = start(url, directory, GenPeople.class)) {
            GenPeople ann = v2.query(GenPeople.class).get(id);
            assertEquals(List.of("Ann", 30, "active", "Oslo"), List.of(ann.fullName, ann.age, ann.status, ann.city));
        }
        // Once migrated, the hints name nothing there is: the next run finds no change.
        assertEquals(List.of(), MigrationGenerator.check(SchemaModels.of(registry), SchemaModels.hints(registry), directory).changes());

        IllegalArgumentException unused = assertThrows(IllegalArgumentException.class, () -> MigrationGenerator.generate(
                SchemaModels.of(registry), hints, directory, ALL, "again", false));
        assertEquals("--backfill gen_people.city: the migration neither adds that column nor makes it NOT NULL", unused.getMessage());
    }

    @Test
    void aRequiredColumnWithoutADefaultOrBackfillIsRefusedNamingIt() throws IOException {
        Path directory = Files.createTempDirectory("ferro-generated");
        MigrationGenerator.generate(schemaOf(GenPerson.class), MigrationHints.NONE, directory, ALL, "people", false);
        ModelRegistry registry = new ModelRegistry(ColumnTypes.withServices(List.of()));
        registry.declare(List.of(GenPeople.class));

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> MigrationGenerator.generate(SchemaModels.of(registry),
                SchemaModels.hints(registry), directory, ALL, "renames", false));
        assertEquals("Cannot migrate gen_people.city: a NOT NULL column added to a table with rows needs a value for them: give it"
                + " @Column(defaultValue = ...), or the generator --backfill gen_people.city=<value>", refused.getMessage());
        assertFalse(Files.exists(directory.resolve("V2.schema.json")));
    }

    @Test
    void aRebuildOnSqliteRunsOutsideATransactionAndKeepsTheRows() throws IOException {
        Path directory = Files.createTempDirectory("ferro-generated");
        SchemaModel.Column id = new SchemaModel.Column("id", ValueKind.LONG, 0, 0, 0, false, true);
        SchemaModel.Column email = new SchemaModel.Column("email", ValueKind.STRING, 255, 0, 0, false, false);
        SchemaModel.Constraint unique = new SchemaModel.Constraint("uq_gen_account_email", List.of("email"));
        SchemaModel before = new SchemaModel(List.of(new SchemaModel.Table("gen_account", List.of(id, email), List.of("id"), List.of(unique),
                List.of(), List.of())));
        SchemaModel after = new SchemaModel(List.of(new SchemaModel.Table("gen_account", List.of(id, email), List.of("id"), List.of(),
                List.of(), List.of())));
        MigrationGenerator.generate(before, MigrationHints.NONE, directory, ALL, "accounts", false);
        MigrationGenerator.Result dropUnique = MigrationGenerator.generate(after, MigrationHints.NONE, directory, ALL, "no unique email", false);

        // Only SQLite rebuilds the table, with pragmas that do nothing inside a transaction.
        assertEquals("executeInTransaction=false\n", Files.readString(directory.resolve("sqlite/V2__no_unique_email.sql.conf")));
        assertFalse(Files.exists(directory.resolve("postgresql/V2__no_unique_email.sql.conf")));
        String url = EmptyDatabases.url(database, ferro, "ferro_generated");
        // Flyway on its own connections, as Ferro's pool opens them (H2's in-memory database kept open).
        String flywayUrl = Dialects.forUrl(url).poolUrl(url);
        String scripts = "filesystem:" + directory + "/" + Dialects.forUrl(url).name();
        Flyway.configure().dataSource(flywayUrl, database.user(), database.password()).locations(scripts).target("1").load().migrate();
        try (Ferro data = Ferro.connect(url, database.options().models(SchemaAccount.class))) {
            data.execute("INSERT INTO gen_account (id, email) VALUES (1, 'ann@example.com')");
        }
        Flyway.configure().dataSource(flywayUrl, database.user(), database.password()).locations(scripts).load().migrate();
        try (Ferro data = Ferro.connect(url, database.options().models(SchemaAccount.class))) {
            data.execute("INSERT INTO gen_account (id, email) VALUES (2, 'ann@example.com')");
            assertEquals(2, ((Number) data.fetchOne("SELECT COUNT(*) AS n FROM gen_account").orElseThrow().get("n")).intValue());
        }
        assertEquals(2, dropUnique.version());
    }

    @Test
    void theSameModelsGiveByteIdenticalFilesAndASecondRunWritesNothing() throws IOException {
        SchemaModel models = schemaOf(SchemaAccount.class, SchemaAddress.class, SchemaLongNames.class, SchemaPrice.class, SchemaRules.class,
                SchemaTicket.class);
        Path one = Files.createTempDirectory("ferro-generated");
        Path two = Files.createTempDirectory("ferro-generated");
        MigrationGenerator.generate(models, MigrationHints.NONE, one, ALL, "initial", false);
        MigrationGenerator.generate(models, MigrationHints.NONE, two, ALL, "initial", false);

        Map<String, byte[]> first = files(one);
        Map<String, byte[]> second = files(two);
        assertEquals(List.of("V1.schema.json", "h2/V1__initial.sql", "h2/ferro-migrations.list", "mariadb/V1__initial.sql",
                "mariadb/ferro-migrations.list", "postgresql/V1__initial.sql", "postgresql/ferro-migrations.list",
                "sqlite/V1__initial.sql", "sqlite/ferro-migrations.list"), List.copyOf(first.keySet()));
        assertEquals(first.keySet(), second.keySet());
        first.forEach((name, bytes) -> assertArrayEquals(bytes, second.get(name), name));
        assertEquals(models, SchemaSnapshot.read(new String(first.get("V1.schema.json"), StandardCharsets.UTF_8)));

        MigrationGenerator.Result again = MigrationGenerator.generate(models, MigrationHints.NONE, one, ALL, "again", false);
        assertEquals(List.of(), again.changes());
        assertEquals(List.of(), again.written());
        assertEquals(first.keySet(), files(one).keySet());
    }

    @Test
    void dropsAreHeldBackPendingUntilAMigrationIsWrittenWithThem() throws IOException {
        Path directory = Files.createTempDirectory("ferro-generated");
        SchemaModel.Column id = new SchemaModel.Column("id", ValueKind.LONG, 0, 0, 0, false, false);
        SchemaModel.Column email = new SchemaModel.Column("email", ValueKind.STRING, 255, 0, 0, false, false);
        SchemaModel.Column nickname = new SchemaModel.Column("nickname", ValueKind.STRING, 100, 0, 0, false, false);
        SchemaModel.Column note = new SchemaModel.Column("note", ValueKind.STRING, 100, 0, 0, true, false);
        SchemaModel.Table club = new SchemaModel.Table("gen_club", List.of(id), List.of("id"), List.of(), List.of(), List.of());
        SchemaModel v1 = new SchemaModel(List.of(club,
                new SchemaModel.Table("gen_member", List.of(id, email, nickname, note), List.of("id"), List.of(), List.of(), List.of())));
        SchemaModel fewer = new SchemaModel(List.of(
                new SchemaModel.Table("gen_member", List.of(id, email), List.of("id"), List.of(), List.of(), List.of())));
        MigrationGenerator.generate(v1, MigrationHints.NONE, directory, ALL, "members", false);

        MigrationGenerator.Result held = MigrationGenerator.generate(fewer, MigrationHints.NONE, directory, ALL, "fewer", false);
        assertEquals(List.of("drop table gen_club", "drop column gen_member.nickname", "drop column gen_member.note"),
                held.heldBack().stream().map(SchemaChange::describe).toList());
        // The table and columns stay; the NOT NULL column the models no longer write accepts NULL.
        assertEquals("-- Ferro migration V2, generated from the models\n"
                + "ALTER TABLE \"gen_member\" ALTER COLUMN \"nickname\" DROP NOT NULL;\n",
                Files.readString(directory.resolve("postgresql/V2__fewer.sql")));
        String url = EmptyDatabases.url(database, ferro, "ferro_generated");
        String flywayUrl = Dialects.forUrl(url).poolUrl(url);
        String scripts = "filesystem:" + directory + "/" + Dialects.forUrl(url).name();
        Flyway.configure().dataSource(flywayUrl, database.user(), database.password()).locations(scripts).target("1").load().migrate();
        try (Ferro data = Ferro.connect(url, database.options())) {
            data.execute("INSERT INTO gen_member (id, email, nickname) VALUES (1, 'ann@example.com', 'annie')");
        }
        Flyway.configure().dataSource(flywayUrl, database.user(), database.password()).locations(scripts).load().migrate();
        try (Ferro data = Ferro.connect(url, database.options())) {
            data.execute("INSERT INTO gen_member (id, email) VALUES (2, 'bob@example.com')");
        }

        // Pending, they are no change: nothing to write, and the check passes.
        MigrationGenerator.Result again = MigrationGenerator.generate(fewer, MigrationHints.NONE, directory, ALL, "again", false);
        assertEquals(List.of(), again.written());
        assertEquals(3, again.heldBack().size());
        assertEquals(List.of(), MigrationGenerator.check(fewer, MigrationHints.NONE, directory).changes());

        MigrationGenerator.Result dropped = MigrationGenerator.generate(fewer, MigrationHints.NONE, directory, ALL, "drop old", true);
        assertEquals(3, dropped.version());
        assertEquals(List.of(), dropped.heldBack());
        assertEquals("-- Ferro migration V3, generated from the models\nDROP TABLE \"gen_club\";\n"
                        + "ALTER TABLE \"gen_member\" DROP COLUMN \"nickname\";\nALTER TABLE \"gen_member\" DROP COLUMN \"note\";\n",
                Files.readString(directory.resolve("postgresql/V3__drop_old.sql")));
        Flyway.configure().dataSource(flywayUrl, database.user(), database.password()).locations(scripts).load().migrate();
        try (Ferro data = Ferro.connect(url, database.options())) {
            assertEquals(List.of(Map.of("email", "ann@example.com"), Map.of("email", "bob@example.com")),
                    data.fetchAll("SELECT email FROM gen_member ORDER BY id"));
            assertEquals(List.of("email", "id"), new TreeSet<>(data.fetchAll("SELECT * FROM gen_member WHERE id = 1").get(0).keySet())
                    .stream().map(name -> name.toLowerCase(Locale.ROOT)).toList());
        }
    }

    @Test
    void theCheckFailsOnModelsThatDifferFromTheLatestSnapshotAndPassesOnTheSame() throws IOException {
        Path directory = Files.createTempDirectory("ferro-generated");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8);

        assertEquals(1, MigrationGenerator.run(new String[] {"--dir", directory.toString(), "--check"}, stdout, stderr));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("  add table schema_account\n"), err.toString(StandardCharsets.UTF_8));

        assertEquals(0, MigrationGenerator.run(new String[] {"--dir", directory.toString(), "--description", "initial"}, stdout, stderr));
        assertEquals(0, MigrationGenerator.run(new String[] {"--dir", directory.toString(), "--check"}, stdout, stderr));
        assertTrue(out.toString(StandardCharsets.UTF_8).endsWith("The models match " + directory + "'s latest snapshot.\n"));

        // a script written by hand beside the generated ones and not yet listed fails the check too
        Files.writeString(directory.resolve("h2/V2__by_hand.sql"), "UPDATE schema_account SET email = email;\n");
        assertEquals(1, MigrationGenerator.run(new String[] {"--dir", directory.toString(), "--check"}, stdout, stderr));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("These lists do not name the scripts beside them: ["
                + directory.resolve("h2/ferro-migrations.list") + "]"), err.toString(StandardCharsets.UTF_8));
        assertEquals("# The migration scripts of this directory, which Ferro gives Flyway by name; written by MigrationGenerator\n"
                + "V1__initial.sql\nV2__by_hand.sql\n", MigrationGenerator.scriptList(directory.resolve("h2"), List.of()));
    }

    /** The files under a directory by relative path, sorted. */
    private static Map<String, byte[]> files(Path directory) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(directory.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
            }
        }
        return files;
    }
}
