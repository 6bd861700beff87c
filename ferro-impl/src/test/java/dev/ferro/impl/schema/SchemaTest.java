package dev.ferro.impl.schema;

import dev.ferro.Ferro;
import dev.ferro.SchemaMismatchException;
import dev.ferro.SchemaMode;
import dev.ferro.UniqueViolationException;
import dev.ferro.impl.testing.Database;
import dev.ferro.impl.testing.DatabaseTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The schema step: {@code create} makes tables, unique constraints and indexes named by convention
 * and is safe to repeat; {@code drop} removes; {@code validate} names every table or column that
 * does not fit the models; {@link SchemaMode} runs either at connect.
 */
class SchemaTest extends DatabaseTest {

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {SchemaAccount.class, SchemaMembership.class, SchemaLongNames.class, SchemaAddress.class, SchemaRules.class, SchemaPrice.class,
                SchemaTicket.class};
    }

    // ---------------------------------------------------------------- create and drop

    @Test
    void uniqueFieldRefusesADuplicateNamingItsConstraint() {
        var accounts = ferro.query(SchemaAccount.class);
        accounts.create(new SchemaAccount("ann@example.com", 30));

        UniqueViolationException error = assertThrows(UniqueViolationException.class,
                () -> accounts.create(new SchemaAccount("ann@example.com", 40)));

        assertEquals(SchemaAccount.class, error.model());
        assertEquals("uq_schema_account_email", error.constraint());
        assertEquals(1, accounts.count());
    }

    @Test
    void compositeUniqueRefusesOnlyTheSamePair() {
        var memberships = ferro.query(SchemaMembership.class);
        memberships.createAll(List.of(new SchemaMembership("admins", "ann"), new SchemaMembership("admins", "bob"),
                new SchemaMembership("users", "ann")));

        UniqueViolationException error = assertThrows(UniqueViolationException.class,
                () -> memberships.create(new SchemaMembership("admins", "ann")));

        assertEquals("uq_schema_membership_group_name_member_name", error.constraint());
        assertEquals(3, memberships.count());
    }

    @Test
    void indexesExistOverTheirColumnsWithConventionalNames() throws SQLException {
        assertEquals(List.of("city"), indexes("schema_account").get("idx_schema_account_city"));
        assertEquals(List.of("group_name", "joined_on"), indexes("schema_membership").get("idx_schema_membership_group_name_joined_on"));
    }

    @Test
    void longNamesAreCutTo63CharactersAndStayUnique() throws SQLException {
        // Both pairs of names share their first 63 characters; a hash of the full name tells them apart.
        Map<String, List<String>> indexes = indexes("schema_long_names");
        assertEquals(List.of("first_rather_long_column_name", "secondary_rather_long_alpha"),
                indexes.get("idx_schema_long_names_first_rather_long_column_name_se_9f620453"));
        assertEquals(List.of("first_rather_long_column_name", "secondary_rather_long_omega"),
                indexes.get("idx_schema_long_names_first_rather_long_column_name_se_a0279856"));

        var rows = ferro.query(SchemaLongNames.class);
        rows.create(new SchemaLongNames("a", "b", "c"));
        assertEquals("uq_schema_long_names_first_rather_long_column_name_sec_530e2db2",
                assertThrows(UniqueViolationException.class, () -> rows.create(new SchemaLongNames("a", "b", "x"))).constraint());
        assertEquals("uq_schema_long_names_first_rather_long_column_name_sec_53d3c1b5",
                assertThrows(UniqueViolationException.class, () -> rows.create(new SchemaLongNames("a", "x", "c"))).constraint());
        assertEquals(1, rows.count());
    }

    @Test
    void createTwiceIsHarmlessAndKeepsRowsConstraintsAndIndexes() throws SQLException {
        var accounts = ferro.query(SchemaAccount.class);
        accounts.create(new SchemaAccount("ann@example.com", 30));
        Map<String, List<String>> indexesBefore = indexes("schema_account");

        ferro.schema().create(SchemaAccount.class, SchemaMembership.class, SchemaLongNames.class);
        ferro.schema().create();

        assertEquals(List.of("ann@example.com"), accounts.all().stream().map(account -> account.email).toList());
        assertEquals(indexesBefore, indexes("schema_account"));
        assertThrows(UniqueViolationException.class, () -> accounts.create(new SchemaAccount("ann@example.com", 40)));
    }

    @Test
    void dropRemovesTheTableAndDroppingAgainIsHarmless() throws SQLException {
        ferro.schema().drop(SchemaAddress.class, SchemaAccount.class);
        ferro.schema().drop(SchemaAddress.class, SchemaAccount.class);

        assertFalse(tableExists("schema_account"));
        assertTrue(tableExists("schema_membership"));
    }

    @Test
    void schemaModeCreateAtConnectCreatesTheTablesOfTheOptionsModels() throws SQLException {
        ferro.schema().drop(SchemaAddress.class, SchemaRules.class, SchemaPrice.class, SchemaAccount.class, SchemaMembership.class,
                SchemaLongNames.class);

        try (Ferro created = database.connect(database.options().models(SchemaAccount.class, SchemaMembership.class)
                .schema(SchemaMode.CREATE))) {
            created.query(SchemaAccount.class).create(new SchemaAccount("ann@example.com", 30));
            created.query(SchemaMembership.class).create(new SchemaMembership("admins", "ann"));
            assertEquals(1, created.query(SchemaAccount.class).count());
            assertEquals(List.of("city"), indexes("schema_account").get("idx_schema_account_city"));
        }
        assertFalse(tableExists("schema_long_names"));
    }

    // ---------------------------------------------------------------- validate

    @Test
    void aRowWrittenWithoutTheColumnsTakesTheirDefaults() {
        ferro.execute("INSERT INTO schema_ticket (title) VALUES ('printer')");

        SchemaTicket printer = ferro.query(SchemaTicket.class).all().get(0);
        assertEquals(List.of("printer", SchemaTicket.State.OPEN, 3, true, new BigDecimal("1.50"), "it's a \\ back-slash"),
                List.of(printer.title, printer.state, printer.priority, printer.visible, printer.fee, printer.note));
    }

    @Test
    void validatePassesOnAFreshSchema() {
        ferro.schema().validate();
    }

    @Test
    void validateReportsAMissingTable() {
        ferro.schema().drop(SchemaMembership.class);

        SchemaMismatchException error = assertThrows(SchemaMismatchException.class, () -> ferro.schema().validate());

        assertEquals(List.of("table schema_membership (model SchemaMembership) does not exist"), error.mismatches());
        assertEquals("The database schema does not match the models:\n  - table schema_membership (model SchemaMembership) does not exist",
                error.getMessage());
    }

    @Test
    void validateReportsAMissingColumn() {
        createAccountTable(columns -> columns.remove("nickname"));

        assertMismatches("column schema_account.nickname (SchemaAccount.nickname) does not exist");
    }

    @Test
    void validateReportsANullableColumnOfARequiredField() {
        createAccountTable(columns -> columns.put("age", "INTEGER"));

        assertMismatches("column schema_account.age (SchemaAccount.age) accepts NULL but the field is required");
    }

    @Test
    void validateReportsAColumnTypeThatCannotHoldTheField() {
        createAccountTable(columns -> columns.put("age", "VARCHAR(20) NOT NULL"));

        switch (database) {
            case H2 -> assertMismatches("column schema_account.age (SchemaAccount.age) has type CHARACTER VARYING, which cannot hold Integer");
            case POSTGRESQL -> assertMismatches("column schema_account.age (SchemaAccount.age) has type varchar, which cannot hold Integer");
            case MARIADB -> assertMismatches("column schema_account.age (SchemaAccount.age) has type VARCHAR, which cannot hold Integer");
            // SQLite columns have no fixed type (a declared type is only an affinity), so there is nothing to report.
            case SQLITE -> ferro.schema().validate();
        }
    }

    @Test
    void validateReportsAnExtraNotNullColumnWithoutDefault() {
        createAccountTable(columns -> {
            columns.put("legacy_code", "VARCHAR(10) NOT NULL");
            columns.put("region", "VARCHAR(10) NOT NULL DEFAULT 'eu'");
            columns.put("remark", "VARCHAR(10)");
        });

        assertMismatches("column schema_account.legacy_code is NOT NULL without a default, and SchemaAccount has no field "
                + "for it, so inserts would fail");
    }

    @Test
    void validateReportsAStringColumnOfAnotherLength() {
        createAccountTable(columns -> columns.put("nickname", "VARCHAR(100)"));

        switch (database) {
            case H2 -> assertMismatches("column schema_account.nickname (SchemaAccount.nickname) has length 100 where the field's column"
                    + " is VARCHAR(510)");
            case POSTGRESQL, MARIADB -> assertMismatches("column schema_account.nickname (SchemaAccount.nickname) has length 100 where"
                    + " the field's column is VARCHAR(255)");
            // SQLite keeps no length (Ferro checks a string's length itself before writing it).
            case SQLITE -> ferro.schema().validate();
        }
    }

    @Test
    void validateReportsADecimalColumnOfAnotherPrecisionAndScale() {
        ferro.schema().drop(SchemaPrice.class);
        ferro.execute("CREATE TABLE schema_price (id BIGINT NOT NULL PRIMARY KEY, rate NUMERIC(10,2))");
        ferro.schema().create(SchemaPrice.class);

        switch (database) {
            case H2, POSTGRESQL -> assertMismatches("column schema_price.rate (SchemaPrice.rate) has precision 10 and scale 2 where the"
                    + " field's column is NUMERIC(12,4)");
            case MARIADB -> assertMismatches("column schema_price.rate (SchemaPrice.rate) has precision 10 and scale 2 where the field's"
                    + " column is DECIMAL(12,4)");
            // SQLite keeps no precision: NUMERIC is an affinity (Ferro checks a decimal's digits itself before writing it).
            case SQLITE -> ferro.schema().validate();
        }
    }

    @Test
    void validateReportsAMissingJoinTable() {
        ferro.execute("DROP TABLE schema_price_labels");

        assertMismatches("table schema_price_labels (join table of SchemaPrice) does not exist");
    }

    @Test
    void validateReportsAMissingUniqueConstraint() {
        createAccountTable(columns -> { }, false, true);

        assertMismatches("unique constraint uq_schema_account_email on schema_account (email) does not exist (model SchemaAccount)");
    }

    @Test
    void validateReportsAMissingIndex() {
        createAccountTable(columns -> { }, true, false);

        assertMismatches("index idx_schema_account_city on schema_account (city) does not exist (model SchemaAccount)");
    }

    @Test
    void validateReportsAForeignKeyThatDeletesByAnotherRule() {
        ferro.schema().drop(SchemaAddress.class);
        ferro.execute("CREATE TABLE schema_address (id BIGINT NOT NULL PRIMARY KEY, account_id BIGINT NOT NULL, street " + text()
                + ", CONSTRAINT fk_schema_address_account_id FOREIGN KEY (account_id) REFERENCES schema_account (id) ON DELETE RESTRICT)");
        ferro.execute("CREATE INDEX idx_schema_address_account_id ON schema_address (account_id)");

        assertMismatches("foreign key fk_schema_address_account_id on schema_address (account_id -> schema_account.id) is ON DELETE"
                + " RESTRICT where the model's is ON DELETE CASCADE (model SchemaAddress)");
    }

    @Test
    void validateReportsAMissingForeignKey() {
        ferro.schema().drop(SchemaAddress.class);
        ferro.execute("CREATE TABLE schema_address (id BIGINT NOT NULL PRIMARY KEY, account_id BIGINT NOT NULL, street " + text() + ")");
        ferro.execute("CREATE INDEX idx_schema_address_account_id ON schema_address (account_id)");

        assertMismatches("foreign key fk_schema_address_account_id on schema_address (account_id -> schema_account.id) does not exist"
                + " (model SchemaAddress)");
    }

    @Test
    void validateLooksOnlyAtTheModelsOwnTable() {
        // "_" in a table name is a wildcard to DatabaseMetaData; a table whose name it matches is not the model's.
        ferro.execute("CREATE TABLE schemaxaccount (id BIGINT NOT NULL PRIMARY KEY, legacy_code VARCHAR(10) NOT NULL)");
        try {
            ferro.schema().validate();
        } finally {
            ferro.execute("DROP TABLE schemaxaccount");
        }
    }

    @Test
    void schemaModeValidateAtConnectFailsTheConnectOnAMismatch() {
        ferro.schema().drop(SchemaAddress.class, SchemaAccount.class);

        SchemaMismatchException error = assertThrows(SchemaMismatchException.class,
                () -> database.connect(database.options().models(SchemaAccount.class).schema(SchemaMode.VALIDATE)).close());

        assertEquals(List.of("table schema_account (model SchemaAccount) does not exist"), error.mismatches());
    }

    @Test
    void schemaModeValidateAtConnectAcceptsAMatchingSchema() {
        try (Ferro validated = database.connect(database.options().models(models()).schema(SchemaMode.VALIDATE))) {
            assertEquals(0, validated.query(SchemaAccount.class).count());
        }
    }

    // ---------------------------------------------------------------- helpers

    private void assertMismatches(String... expected) {
        SchemaMismatchException error = assertThrows(SchemaMismatchException.class, () -> ferro.schema().validate());
        assertEquals(List.of(expected), error.mismatches());
    }

    private String text() {
        return HandMadeTables.text(database);
    }

    /** Replaces the table of {@link SchemaAccount} by one made by hand as Ferro makes it, its columns changed. */
    private void createAccountTable(Consumer<Map<String, String>> change) {
        createAccountTable(change, true, true);
    }

    private void createAccountTable(Consumer<Map<String, String>> change, boolean unique, boolean index) {
        HandMadeTables.account(ferro, database, change, unique, index);
    }

    /** The indexes of a table as the driver reports them: name to columns in order. */
    private Map<String, List<String>> indexes(String table) throws SQLException {
        Map<String, TreeMap<Integer, String>> byName = new TreeMap<>();
        try (Connection connection = connect()) {
            DatabaseMetaData metadata = connection.getMetaData();
            try (ResultSet rows = metadata.getIndexInfo(connection.getCatalog(), schema(connection), table, false, false)) {
                while (rows.next()) {
                    String name = rows.getString("INDEX_NAME");
                    if (name != null) {
                        byName.computeIfAbsent(name, key -> new TreeMap<>()).put(rows.getInt("ORDINAL_POSITION"), rows.getString("COLUMN_NAME"));
                    }
                }
            }
        }
        Map<String, List<String>> indexes = new TreeMap<>();
        byName.forEach((name, columns) -> indexes.put(name, List.copyOf(columns.values())));
        return indexes;
    }

    private boolean tableExists(String table) throws SQLException {
        try (Connection connection = connect();
             ResultSet rows = connection.getMetaData().getTables(connection.getCatalog(), schema(connection), table, null)) {
            while (rows.next()) {
                if (table.equals(rows.getString("TABLE_NAME"))) {
                    return true;
                }
            }
            return false;
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }

    /** PostgreSQL has a schema per database; elsewhere the catalog says enough. */
    private String schema(Connection connection) throws SQLException {
        return database == Database.POSTGRESQL ? connection.getSchema() : null;
    }
}
