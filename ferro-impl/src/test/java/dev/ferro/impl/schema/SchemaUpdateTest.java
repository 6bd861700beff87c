package dev.ferro.impl.schema;

import dev.ferro.Ferro;
import dev.ferro.ForeignKeyViolationException;
import dev.ferro.SchemaMismatchException;
import dev.ferro.SchemaMode;
import dev.ferro.UniqueViolationException;
import dev.ferro.impl.testing.Database;
import dev.ferro.impl.testing.DatabaseTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@code schema().update()} and {@link SchemaMode#UPDATE}: what the models have and the database lacks is
 * added, with the rows kept; what cannot be added is refused, naming table and column, with nothing
 * changed; nothing is ever dropped or altered. Each test makes a table by hand as an older version of
 * the model left it, then checks the result with {@code validate()}.
 */
class SchemaUpdateTest extends DatabaseTest {

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {SchemaAccount.class, SchemaMembership.class, SchemaLongNames.class, SchemaAddress.class, SchemaRules.class,
                SchemaPrice.class, SchemaTicket.class};
    }

    @Test
    void missingTablesAreCreatedWithTheirConstraintsIndexesAndJoinTables() {
        ferro.schema().drop(SchemaMembership.class, SchemaPrice.class);

        ferro.schema().update();

        ferro.schema().validate();
        ferro.query(SchemaMembership.class).create(new SchemaMembership("admins", "ann"));
        assertThrows(UniqueViolationException.class, () -> ferro.query(SchemaMembership.class).create(new SchemaMembership("admins", "ann")));
    }

    @Test
    void aMissingNullableColumnIsAddedAndTheRowsKept() {
        createAccountTable(columns -> columns.remove("nickname"), true, true);
        ferro.execute("INSERT INTO schema_account (id, email, city, age) VALUES (1, 'ann@example.com', 'Oslo', 30)");

        ferro.schema().update();

        ferro.schema().validate();
        SchemaAccount ann = ferro.query(SchemaAccount.class).get(1L);
        assertEquals(List.of("ann@example.com", "Oslo", 30), List.of(ann.email, ann.city, ann.age));
        assertNull(ann.nickname);
        ann.nickname = "annie";
        ferro.save(ann);
        assertEquals("annie", ferro.query(SchemaAccount.class).get(1L).nickname);
    }

    @Test
    void missingUniqueConstraintsAndIndexesAreAdded() {
        createAccountTable(columns -> { }, false, false);

        ferro.schema().update();

        ferro.schema().validate();
        // The table made by hand has no identity column (validate does not look for one), so the ids are given.
        ferro.execute("INSERT INTO schema_account (id, email, age) VALUES (1, 'ann@example.com', 30)");
        ferro.execute("INSERT INTO schema_account (id, email, age) VALUES (2, 'bob@example.com', 40)");
        SchemaAccount bob = ferro.query(SchemaAccount.class).get(2L);
        bob.email = "ann@example.com";
        UniqueViolationException duplicate = assertThrows(UniqueViolationException.class, () -> ferro.save(bob));
        assertEquals("uq_schema_account_email", duplicate.constraint());
    }

    @Test
    void aForeignKeyComesWithItsNewColumn() {
        ferro.schema().drop(SchemaRules.class);
        ferro.execute("CREATE TABLE schema_rules (id BIGINT NOT NULL PRIMARY KEY, restricted_id BIGINT, no_action_id BIGINT,"
                + " CONSTRAINT fk_schema_rules_restricted_id FOREIGN KEY (restricted_id) REFERENCES schema_long_names (id) ON DELETE RESTRICT,"
                + " CONSTRAINT fk_schema_rules_no_action_id FOREIGN KEY (no_action_id) REFERENCES schema_long_names (id) ON DELETE NO ACTION)");
        ferro.execute("CREATE INDEX idx_schema_rules_restricted_id ON schema_rules (restricted_id)");
        ferro.execute("CREATE INDEX idx_schema_rules_no_action_id ON schema_rules (no_action_id)");
        ferro.execute("INSERT INTO schema_rules (id) VALUES (1)");

        ferro.schema().update();

        ferro.schema().validate();
        assertThrows(ForeignKeyViolationException.class, () -> ferro.execute("UPDATE schema_rules SET set_null_id = 999 WHERE id = 1"));
    }

    @Test
    void aForeignKeyIsAddedToAnExistingColumnWhereTheDatabaseAltersConstraints() {
        ferro.schema().drop(SchemaAddress.class);
        ferro.execute("CREATE TABLE schema_address (id BIGINT NOT NULL PRIMARY KEY, account_id BIGINT NOT NULL, street " + text() + ")");
        ferro.execute("CREATE INDEX idx_schema_address_account_id ON schema_address (account_id)");

        if (database == Database.SQLITE) {
            assertRefused("foreign key fk_schema_address_account_id on schema_address (account_id -> schema_account.id) cannot be added:"
                    + " sqlite adds a foreign key to an existing column only by rebuilding the table (add it by a migration)");
            return;
        }
        ferro.schema().update();

        ferro.schema().validate();
        assertThrows(ForeignKeyViolationException.class,
                () -> ferro.execute("INSERT INTO schema_address (id, account_id) VALUES (1, 999)"));
    }

    @Test
    void aNotNullColumnIsRefusedForATableWithRowsAndNothingIsChanged() {
        createAccountTable(columns -> {
            columns.remove("age");
            columns.remove("nickname");
        }, true, true);
        ferro.execute("INSERT INTO schema_account (id, email) VALUES (1, 'ann@example.com')");

        assertRefused("column schema_account.age (SchemaAccount.age) cannot be added: schema_account has rows, and a NOT NULL column"
                + " needs a value for each (make the field nullable, give it @Column(defaultValue), or add the column by a migration that fills"
                + " it)");

        SchemaMismatchException left = assertThrows(SchemaMismatchException.class, () -> ferro.schema().validate());
        assertEquals(List.of("column schema_account.age (SchemaAccount.age) does not exist",
                "column schema_account.nickname (SchemaAccount.nickname) does not exist"), left.mismatches());
    }

    @Test
    void columnsWithDefaultsAreAddedToATableWithRowsWhichTakeTheDefaults() {
        ferro.schema().drop(SchemaTicket.class);
        ferro.execute("CREATE TABLE schema_ticket (id BIGINT NOT NULL PRIMARY KEY, title " + HandMadeTables.text(database) + ")");
        ferro.execute("INSERT INTO schema_ticket (id, title) VALUES (1, 'printer')");

        ferro.schema().update();

        ferro.schema().validate();
        SchemaTicket printer = ferro.query(SchemaTicket.class).get(1L);
        assertEquals(List.of("printer", SchemaTicket.State.OPEN, 3, true, new BigDecimal("1.50"), "it's a \\ back-slash"),
                List.of(printer.title, printer.state, printer.priority, printer.visible, printer.fee, printer.note));
    }

    @Test
    void aNotNullColumnIsAddedToAnEmptyTableWhereTheDatabaseCan() {
        createAccountTable(columns -> columns.remove("age"), true, true);

        if (database == Database.SQLITE) {
            assertRefused("column schema_account.age (SchemaAccount.age) cannot be added: sqlite adds a NOT NULL column only with a"
                    + " default (give it @Column(defaultValue), or add it by a migration)");
            return;
        }
        ferro.schema().update();

        ferro.schema().validate();
        ferro.execute("INSERT INTO schema_account (id, email, age) VALUES (1, 'ann@example.com', 30)");
        assertEquals(30, ferro.query(SchemaAccount.class).get(1L).age);
    }

    @Test
    void nothingIsDroppedOrAltered() {
        createAccountTable(columns -> {
            columns.put("nickname", "VARCHAR(100)");
            columns.put("legacy_code", "VARCHAR(10)");
        }, true, true);
        ferro.execute("CREATE INDEX idx_legacy ON schema_account (legacy_code)");
        ferro.execute("INSERT INTO schema_account (id, email, age, legacy_code) VALUES (1, 'ann@example.com', 30, 'L-1')");

        ferro.schema().update();

        assertEquals(List.of(Map.of("legacy_code", "L-1")), ferro.fetchAll("SELECT legacy_code FROM schema_account"));
        assertEquals(List.of(Map.of("legacy_code", "L-1")), ferro.fetchAll("SELECT legacy_code FROM schema_account WHERE legacy_code = ?", "L-1"));
        if (database == Database.SQLITE) {
            ferro.schema().validate(); // SQLite keeps no length: VARCHAR(100) is an affinity
        } else {
            SchemaMismatchException left = assertThrows(SchemaMismatchException.class, () -> ferro.schema().validate());
            assertEquals(List.of("column schema_account.nickname (SchemaAccount.nickname) has length 100 where the field's column is "
                    + text()), left.mismatches());
        }
    }

    @Test
    void schemaModeUpdateAtConnectAddsWhatIsMissing() {
        ferro.schema().drop(SchemaMembership.class);

        try (Ferro updated = database.connect(database.options().models(SchemaMembership.class).schema(SchemaMode.UPDATE))) {
            assertEquals(0, updated.query(SchemaMembership.class).count());
            updated.schema().validate();
        }
    }

    // ---------------------------------------------------------------- helpers

    private void assertRefused(String... expected) {
        SchemaMismatchException error = assertThrows(SchemaMismatchException.class, () -> ferro.schema().update());
        assertEquals(List.of(expected), error.mismatches());
    }

    private String text() {
        return HandMadeTables.text(database);
    }

    private void createAccountTable(Consumer<Map<String, String>> change, boolean unique, boolean index) {
        HandMadeTables.account(ferro, database, change, unique, index);
    }
}
