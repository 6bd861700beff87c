package dev.ferro.cdi;

import dev.ferro.DataAccessException;
import dev.ferro.Ferro;
import dev.ferro.Query;
import dev.ferro.SchemaMismatchException;
import jakarta.enterprise.util.TypeLiteral;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static dev.ferro.cdi.FerroContainer.freshH2;
import static dev.ferro.cdi.FerroContainer.messages;
import static dev.ferro.cdi.FerroContainer.rawH2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The Ferro bean as MicroProfile Config shapes it, started in a Weld SE container per test. */
class ConfigTest {
    private static final TypeLiteral<Query<Person>> PEOPLE = new TypeLiteral<>() { };

    private static long rows(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void withoutConfigurationFerroRunsOnTheEmbeddedH2DatabaseAndCreatesTheTablesAtStart() throws SQLException {
        String name = "default-" + UUID.randomUUID();
        try (Connection raw = rawH2("jdbc:h2:mem:ferro")) {
            raw.createStatement().execute("DROP TABLE IF EXISTS cdi_person");

            try (FerroContainer container = FerroContainer.start(Map.of())) {
                container.get(PEOPLE).create(new Person(name));

                assertEquals(1, rows(raw, "SELECT COUNT(*) FROM cdi_person WHERE name = '" + name + "'"),
                        "the row is in jdbc:h2:mem:ferro, in the table created at start");
            }
        }
    }

    @Test
    void ferroUrlChoosesTheDatabase() throws SQLException {
        String url = freshH2();
        try (FerroContainer container = FerroContainer.start(Map.of("ferro.url", url, "ferro.schema", "create"));
             Connection raw = rawH2(url)) {
            container.get(PEOPLE).create(new Person("elsewhere"));

            assertEquals(1, rows(raw, "SELECT COUNT(*) FROM cdi_person WHERE name = 'elsewhere'"));
        }
    }

    @Test
    void aDatabaseGivenByUrlIsNotTouchedByDefault() {
        try (FerroContainer container = FerroContainer.start(Map.of("ferro.url", freshH2()))) {
            Query<Person> people = container.get(PEOPLE);

            assertThrows(DataAccessException.class, people::count, "no table was created");
        }
    }

    @Test
    void schemaNoneCreatesNothing() {
        try (FerroContainer container = FerroContainer.start(Map.of("ferro.url", freshH2(), "ferro.schema", "none"))) {
            Query<Person> people = container.get(PEOPLE);

            DataAccessException e = assertThrows(DataAccessException.class, () -> people.create(new Person("nowhere")));
            assertTrue(messages(e).toLowerCase().contains("cdi_person"), messages(e));
        }
    }

    @Test
    void schemaValidateOnAnEmptyDatabaseFailsTheStartNamingTheMissingTable() {
        RuntimeException failure = FerroContainer.startFailure(Map.of("ferro.url", freshH2(), "ferro.schema", "validate"));

        SchemaMismatchException mismatch = FerroContainer.cause(failure, SchemaMismatchException.class);
        assertNotNull(mismatch, messages(failure));
        assertTrue(mismatch.mismatches().stream().anyMatch(line -> line.contains("cdi_person")), mismatch.getMessage());
    }

    @Test
    void schemaValidateOnAMatchingDatabaseStarts() {
        String url = freshH2();
        try (FerroContainer creator = FerroContainer.start(Map.of("ferro.url", url, "ferro.schema", "create"))) {
            creator.get(PEOPLE).create(new Person("validated"));
        }
        try (FerroContainer container = FerroContainer.start(Map.of("ferro.url", url, "ferro.schema", "validate"))) {
            assertEquals(1, container.get(PEOPLE).count());
        }
    }

    @Test
    void anUnknownSchemaModeFailsTheStartNamingTheKey() {
        RuntimeException failure = FerroContainer.startFailure(Map.of("ferro.schema", "drop-and-create"));

        assertTrue(messages(failure).contains("ferro.schema='drop-and-create' is not one of none, create, update, validate"),
                messages(failure));
    }

    @Test
    void anUnreadableAcquisitionTimeoutFailsTheStartNamingTheKey() {
        RuntimeException failure = FerroContainer.startFailure(Map.of("ferro.pool.acquisition-timeout", "30 seconds"));

        assertTrue(messages(failure).contains("ferro.pool.acquisition-timeout='30 seconds'"), messages(failure));
    }

    @Test
    void poolSizesThatCannotWorkFailTheStartNamingTheKeys() {
        RuntimeException failure = FerroContainer.startFailure(Map.of("ferro.pool.max-size", "0"));

        assertTrue(messages(failure).contains("ferro.pool.max-size=0"), messages(failure));
    }

    @Test
    void aDataSourceNameThatJndiCannotResolveFailsTheStartNamingTheKey() {
        RuntimeException failure = FerroContainer.startFailure(Map.of("ferro.datasource", "java:comp/env/jdbc/Missing"));

        assertTrue(messages(failure).contains("ferro.datasource=java:comp/env/jdbc/Missing is not a DataSource in JNDI"),
                messages(failure));
    }

    @Test
    void aUrlOfAnUnsupportedDatabaseFailsTheStartNamingItsScheme() {
        RuntimeException failure = FerroContainer.startFailure(Map.of("ferro.url", "jdbc:oracle:thin:@db:1521/app"));

        assertTrue(messages(failure).contains("Unsupported database URL scheme 'jdbc:oracle'"), messages(failure));
    }

    /**
     * With one connection, a request that holds it makes a call elsewhere wait for it, and give up
     * after the acquisition timeout; once the request ends, the connection is free again.
     */
    @Test
    void theMaxPoolSizeAndTheAcquisitionTimeoutAreHonoured() throws Exception {
        Map<String, String> config = Map.of("ferro.url", freshH2(), "ferro.schema", "create",
                "ferro.pool.max-size", "1", "ferro.pool.acquisition-timeout", "1");
        try (FerroContainer container = FerroContainer.start(config)) {
            Query<Person> people = container.get(PEOPLE);

            container.inRequest(() -> {
                people.create(new Person("holder"));
                ExecutionException waited = assertThrows(ExecutionException.class,
                        () -> CompletableFuture.supplyAsync(people::count).get(30, TimeUnit.SECONDS));
                assertInstanceOf(DataAccessException.class, waited.getCause(), messages(waited));
            });

            assertEquals(1, CompletableFuture.supplyAsync(people::count).get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void theUsernameAndPasswordAreTheOnesFerroConnectsWith() throws SQLException {
        String url = freshH2();
        Map<String, String> config = Map.of("ferro.url", url, "ferro.username", "alice", "ferro.password", "s3cret");
        try (FerroContainer container = FerroContainer.start(config)) {
            // Ferro's first connection creates the database, making its user the administrator.
            Object user = container.get(Ferro.class).fetchOne("SELECT CURRENT_USER AS who").orElseThrow().get("who");

            assertEquals("alice", String.valueOf(user).toLowerCase());
            try (Connection right = DriverManager.getConnection(url, "alice", "s3cret")) {
                assertTrue(right.isValid(5));
            }
            assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "alice", "wrong").close());
        }
    }

    @Test
    void postgresqlIsSelectedByItsUrlAndWorksEndToEnd() {
        String url = System.getenv().getOrDefault("FERRO_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = System.getenv().getOrDefault("FERRO_TEST_PG_USER", "postgres");
        String password = System.getenv().getOrDefault("FERRO_TEST_PG_PASSWORD", "");
        try (Connection probe = DriverManager.getConnection(url, user, password)) {
            assertTrue(probe.isValid(5));
        } catch (SQLException e) {
            if ("true".equals(System.getenv("CI"))) {
                fail("PostgreSQL at " + url + " is unreachable on CI: " + e.getMessage(), e);
            }
            Assumptions.abort("PostgreSQL at " + url + " is unreachable (" + e.getMessage() + "); on CI this test fails");
        }
        String name = "pg-" + UUID.randomUUID();
        Map<String, String> config = Map.of("ferro.url", url, "ferro.username", user, "ferro.password", password,
                "ferro.schema", "create");
        try (FerroContainer container = FerroContainer.start(config)) {
            Ferro ferro = container.get(Ferro.class);
            Query<Person> people = container.get(PEOPLE);
            try {
                String product = String.valueOf(ferro.fetchOne("SELECT version() AS v").orElseThrow().get("v"));
                assertTrue(product.startsWith("PostgreSQL"), product);

                container.inRequest(() -> {
                    Person created = people.create(new Person(name));
                    assertSame(created, people.get(created.id), "the request's identity map");
                    assertThrows(IllegalStateException.class, () -> ferro.transaction(() -> {
                        people.create(new Person(name + "-rolled-back"));
                        throw new IllegalStateException("undo");
                    }));
                });

                assertEquals(1, people.where(Person_.name.startsWith(name)).count());
            } finally {
                people.where(Person_.name.startsWith(name)).delete();
            }
        }
    }
}
