package dev.ferro.cdi;

import dev.ferro.FerroOptions;
import dev.ferro.Migrations;
import dev.ferro.SchemaMode;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link FerroConfig#read}: the MicroProfile Config keys, their defaults, and the errors that name the key. */
class FerroConfigTest {

    private static FerroConfig read(Map<String, String> values) {
        Config config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(values, "test", 500))
                .build();
        return FerroConfig.read(config);
    }

    @Test
    void withoutAnyKeyFerroUsesTheEmbeddedH2DatabaseAndCreatesTheTables() {
        FerroConfig config = read(Map.of());
        FerroOptions options = config.options();

        assertAll(
                () -> assertEquals("jdbc:h2:mem:ferro", config.url()),
                () -> assertNull(config.dataSource()),
                () -> assertEquals(SchemaMode.CREATE, options.schema()),
                () -> assertEquals(0, options.minPoolSize()),
                () -> assertEquals(10, options.maxPoolSize()),
                () -> assertEquals(Duration.ofSeconds(30), options.acquisitionTimeout()),
                () -> assertEquals(Duration.ofSeconds(30), options.validationInterval()),
                () -> assertEquals(Duration.ofMinutes(30), options.maxLifetime()),
                () -> assertEquals(Duration.ofMinutes(10), options.leakTimeout()),
                () -> assertEquals(Duration.ofSeconds(10), options.connectTimeout()),
                () -> assertNull(options.statementTimeout()),
                () -> assertEquals(1000, options.fetchSize()),
                () -> assertNull(options.user()),
                () -> assertNull(options.password()),
                () -> assertNull(options.dialect()));
    }

    @Test
    void ferroDialectNamesTheDialect() {
        assertEquals("postgresql", read(Map.of("ferro.url", "jdbc:pgsql://db/app", "ferro.dialect", "postgresql"))
                .options().dialect());
    }

    @Test
    void aDatabaseOfTheUsersOwnIsLeftAloneUnlessFerroSchemaSaysOtherwise() {
        assertEquals(SchemaMode.NONE, read(Map.of("ferro.url", "jdbc:h2:mem:other")).options().schema());
        assertEquals(SchemaMode.NONE, read(Map.of("ferro.datasource", "java:comp/DefaultDataSource")).options().schema());
        assertEquals(SchemaMode.CREATE, read(Map.of("ferro.url", "jdbc:h2:mem:other", "ferro.schema", "create"))
                .options().schema());
    }

    @Test
    void everyKeyIsRead() {
        FerroConfig config = read(Map.of(
                "ferro.url", "jdbc:postgresql://db:5432/app",
                "ferro.datasource", "java:jboss/datasources/App",
                "ferro.username", "app",
                "ferro.password", "s3cret",
                "ferro.pool.min-size", "2",
                "ferro.pool.max-size", "17",
                "ferro.pool.acquisition-timeout", "PT1.5S",
                "ferro.schema", "validate"));
        FerroOptions production = read(Map.of(
                "ferro.pool.validation-interval", "PT5S",
                "ferro.pool.max-lifetime", "600",
                "ferro.pool.leak-timeout", "PT2M",
                "ferro.connect-timeout", "3",
                "ferro.statement-timeout", "PT2.5S",
                "ferro.fetch-size", "250")).options();
        FerroOptions options = config.options();

        assertAll(
                () -> assertEquals("jdbc:postgresql://db:5432/app", config.url()),
                () -> assertEquals("java:jboss/datasources/App", config.dataSource()),
                () -> assertEquals("app", options.user()),
                () -> assertEquals("s3cret", options.password()),
                () -> assertEquals(2, options.minPoolSize()),
                () -> assertEquals(17, options.maxPoolSize()),
                () -> assertEquals(Duration.ofMillis(1500), options.acquisitionTimeout()),
                () -> assertEquals(SchemaMode.VALIDATE, options.schema()),
                () -> assertEquals(Duration.ofSeconds(5), production.validationInterval()),
                () -> assertEquals(Duration.ofMinutes(10), production.maxLifetime()),
                () -> assertEquals(Duration.ofMinutes(2), production.leakTimeout()),
                () -> assertEquals(Duration.ofSeconds(3), production.connectTimeout()),
                () -> assertEquals(Duration.ofMillis(2500), production.statementTimeout()),
                () -> assertEquals(250, production.fetchSize()));
    }

    @Test
    void aZeroOrUnreadableDurationNamesItsKey() {
        for (String key : new String[] {"ferro.pool.acquisition-timeout", "ferro.pool.validation-interval",
                "ferro.pool.max-lifetime", "ferro.pool.leak-timeout", "ferro.connect-timeout", "ferro.statement-timeout"}) {
            IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> read(Map.of(key, "0")), key);
            IllegalArgumentException unreadable = assertThrows(IllegalArgumentException.class, () -> read(Map.of(key, "2 s")), key);

            assertEquals(key + "='0' must be a positive duration", zero.getMessage());
            assertEquals(key + "='2 s' is neither a number of seconds nor an ISO-8601 duration such as PT30S", unreadable.getMessage());
        }
        IllegalArgumentException fetch = assertThrows(IllegalArgumentException.class, () -> read(Map.of("ferro.fetch-size", "0")));
        assertEquals("ferro.fetch-size=0 must be at least 1", fetch.getMessage());
    }

    @Test
    void theSchemaModeIgnoresCaseAndSurroundingBlanks() {
        assertEquals(SchemaMode.VALIDATE, read(Map.of("ferro.schema", " Validate ")).options().schema());
        assertEquals(SchemaMode.NONE, read(Map.of("ferro.schema", "NONE")).options().schema());
        assertEquals(SchemaMode.UPDATE, read(Map.of("ferro.schema", "Update ")).options().schema());
        assertEquals(SchemaMode.CREATE, read(Map.of("ferro.url", "jdbc:h2:mem:x", "ferro.schema", "Create"))
                .options().schema());
    }

    @Test
    void migrationsAreReadWithTheirLocationAndBaseline() {
        Migrations migrations = read(Map.of("ferro.url", "jdbc:h2:mem:x", "ferro.migrations", " Migrate",
                "ferro.migrations.location", "db/migration/{dialect}", "ferro.migrations.baseline-on-migrate", "true")).options().migrations();

        assertEquals(Migrations.Mode.MIGRATE, migrations.mode());
        assertEquals("db/migration/{dialect}", migrations.location());
        assertTrue(migrations.baselineOnMigrate());
        assertEquals(Migrations.Mode.VALIDATE, read(Map.of("ferro.migrations", "validate")).options().migrations().mode());
        assertEquals(Migrations.none(), read(Map.of()).options().migrations());
        assertEquals("db/migration", read(Map.of("ferro.migrations", "migrate")).options().migrations().location());
        assertEquals("flyway_schema_history", read(Map.of("ferro.migrations", "migrate")).options().migrations().historyTable());
        assertEquals("app_history", read(Map.of("ferro.migrations", "migrate", "ferro.migrations.table", " app_history "))
                .options().migrations().historyTable());
    }

    @Test
    void aHistoryTableThatIsNoPlainNameIsRefusedNamingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> read(Map.of("ferro.migrations", "migrate", "ferro.migrations.table", "history; drop table x")));

        assertEquals("ferro.migrations.table: The migrations' history table 'history; drop table x' is not a plain table name"
                + " (letters, digits and underscores, not starting with a digit)", e.getMessage());
    }

    @Test
    void theEmbeddedDefaultLeavesTheTablesToMigrationsWhenThereAreSome() {
        assertEquals(SchemaMode.NONE, read(Map.of("ferro.migrations", "migrate")).options().schema());
        assertEquals(SchemaMode.CREATE, read(Map.of()).options().schema());
    }

    @Test
    void anUnknownMigrationsModeNamesTheKeyTheValueAndTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(Map.of("ferro.migrations", "repair")));

        assertEquals("ferro.migrations='repair' is not one of none, migrate, validate", e.getMessage());
    }

    @Test
    void anUnknownSchemaModeNamesTheKeyTheValueAndTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> read(Map.of("ferro.schema", "drop-and-create")));

        assertEquals("ferro.schema='drop-and-create' is not one of none, create, update, validate", e.getMessage());
    }

    @Test
    void theAcquisitionTimeoutIsANumberOfSecondsOrAnIsoDuration() {
        assertEquals(Duration.ofSeconds(5), read(Map.of("ferro.pool.acquisition-timeout", "5")).options().acquisitionTimeout());
        assertEquals(Duration.ofSeconds(5), read(Map.of("ferro.pool.acquisition-timeout", " 5 ")).options().acquisitionTimeout());
        assertEquals(Duration.ofMinutes(2), read(Map.of("ferro.pool.acquisition-timeout", "PT2M")).options().acquisitionTimeout());
    }

    @Test
    void anUnreadableAcquisitionTimeoutNamesTheKey() {
        for (String bad : new String[] {"5s", "-5", "soon", "99999999999999999999"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> read(Map.of("ferro.pool.acquisition-timeout", bad)), bad);
            assertTrue(e.getMessage().startsWith("ferro.pool.acquisition-timeout='" + bad + "'"), e.getMessage());
        }
    }

    @Test
    void aNegativeAcquisitionTimeoutIsRejectedNamingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> read(Map.of("ferro.pool.acquisition-timeout", "PT-5S")));

        assertTrue(e.getMessage().startsWith("ferro.pool.acquisition-timeout='PT-5S'"), e.getMessage());
    }

    @Test
    void poolSizesThatCannotWorkNameTheirKeys() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> read(Map.of("ferro.pool.max-size", "0")));
        IllegalArgumentException inverted = assertThrows(IllegalArgumentException.class,
                () -> read(Map.of("ferro.pool.min-size", "5", "ferro.pool.max-size", "2")));

        assertTrue(zero.getMessage().contains("ferro.pool.max-size=0"), zero.getMessage());
        assertTrue(inverted.getMessage().contains("ferro.pool.min-size=5"), inverted.getMessage());
        assertTrue(inverted.getMessage().contains("ferro.pool.max-size=2"), inverted.getMessage());
    }

    @Test
    void aPoolSizeThatIsNotANumberNamesTheKey() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> read(Map.of("ferro.pool.max-size", "ten")));

        assertTrue(FerroContainer.messages(e).contains("ferro.pool.max-size"), FerroContainer.messages(e));
    }
}
