package dev.ferro.impl.schema;

import dev.ferro.OnDelete;
import dev.ferro.impl.metadata.ValueKind;
import dev.ferro.impl.schema.SchemaChange.AddColumn;
import dev.ferro.impl.schema.SchemaChange.AddForeignKey;
import dev.ferro.impl.schema.SchemaChange.AddIndex;
import dev.ferro.impl.schema.SchemaChange.AddTable;
import dev.ferro.impl.schema.SchemaChange.AddUnique;
import dev.ferro.impl.schema.SchemaChange.AlterColumn;
import dev.ferro.impl.schema.SchemaChange.DropColumn;
import dev.ferro.impl.schema.SchemaChange.DropForeignKey;
import dev.ferro.impl.schema.SchemaChange.DropIndex;
import dev.ferro.impl.schema.SchemaChange.DropTable;
import dev.ferro.impl.schema.SchemaChange.DropUnique;
import dev.ferro.impl.schema.SchemaChange.RenameColumn;
import dev.ferro.impl.schema.SchemaChange.RenameTable;
import dev.ferro.impl.schema.SchemaModel.Column;
import dev.ferro.impl.schema.SchemaModel.Constraint;
import dev.ferro.impl.schema.SchemaModel.ForeignKey;
import dev.ferro.impl.schema.SchemaModel.Table;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The changes between two versions of a logical schema, in the order a migration runs them. */
class SchemaDiffTest {
    private static final Column ID = new Column("id", ValueKind.LONG, 0, 0, 0, false, true);
    private static final Column EMAIL = new Column("email", ValueKind.STRING, 255, 0, 0, false, false);
    private static final Column NICKNAME = new Column("nickname", ValueKind.STRING, 100, 0, 0, true, false);
    private static final Column OWNER = new Column("owner_id", ValueKind.LONG, 0, 0, 0, false, false);
    private static final Constraint UQ_EMAIL = new Constraint("uq_account_email", List.of("email"));
    private static final Constraint IDX_NICKNAME = new Constraint("idx_account_nickname", List.of("nickname"));
    private static final ForeignKey FK_OWNER = new ForeignKey("fk_pet_owner_id", List.of("owner_id"), "account", List.of("id"),
            OnDelete.CASCADE);

    private static Table account(List<Column> columns, List<Constraint> uniques, List<Constraint> indexes) {
        return new Table("account", columns, List.of("id"), uniques, indexes, List.of());
    }

    private static Table pet(ForeignKey... foreignKeys) {
        return new Table("pet", List.of(ID, OWNER), List.of("id"), List.of(), List.of(), List.of(foreignKeys));
    }

    private static SchemaModel schema(Table... tables) {
        return new SchemaModel(List.of(tables));
    }

    @Test
    void theSameSchemaHasNoChanges() {
        SchemaModel schema = schema(account(List.of(ID, EMAIL), List.of(UQ_EMAIL), List.of()), pet(FK_OWNER));

        assertEquals(List.of(), SchemaDiff.between(schema, schema));
    }

    @Test
    void tablesComeInTheNewOrderAndGoPointingTablesFirst() {
        Table account = account(List.of(ID, EMAIL), List.of(), List.of());
        Table pet = pet(FK_OWNER);

        assertEquals(List.of(new AddTable(account), new AddTable(pet)), SchemaDiff.between(schema(), schema(account, pet)));
        assertEquals(List.of(new DropTable(pet), new DropTable(account)), SchemaDiff.between(schema(account, pet), schema()));
    }

    @Test
    void columnsAreAddedAlteredAndDroppedByName() {
        Column longerNickname = new Column("nickname", ValueKind.STRING, 255, 0, 0, false, false);
        Column age = new Column("age", ValueKind.INT, 0, 0, 0, false, false);

        List<SchemaChange> changes = SchemaDiff.between(schema(account(List.of(ID, EMAIL, NICKNAME), List.of(), List.of())),
                schema(account(List.of(ID, longerNickname, age), List.of(), List.of())));

        assertEquals(List.of(new AlterColumn("account", NICKNAME, longerNickname), new AddColumn("account", age),
                new DropColumn("account", EMAIL)), changes);
    }

    @Test
    void constraintsThatGoComeFirstAndThoseThatComeLast() {
        ForeignKey setNull = new ForeignKey("fk_pet_owner_id", List.of("owner_id"), "account", List.of("id"), OnDelete.SET_NULL);

        List<SchemaChange> changes = SchemaDiff.between(
                schema(account(List.of(ID, EMAIL, NICKNAME), List.of(), List.of(IDX_NICKNAME)), pet(FK_OWNER)),
                schema(account(List.of(ID, EMAIL, NICKNAME), List.of(UQ_EMAIL), List.of()), pet(setNull)));

        assertEquals(List.of(new DropIndex("account", IDX_NICKNAME), new DropForeignKey("pet", FK_OWNER),
                new AddUnique("account", UQ_EMAIL), new AddForeignKey("pet", setNull)), changes);
    }

    @Test
    void aConstraintOverOtherColumnsIsDroppedAndAddedAgain() {
        Constraint wider = new Constraint("idx_account_nickname", List.of("nickname", "email"));

        assertEquals(List.of(new DropIndex("account", IDX_NICKNAME), new AddIndex("account", wider)),
                SchemaDiff.between(schema(account(List.of(ID, EMAIL, NICKNAME), List.of(), List.of(IDX_NICKNAME))),
                        schema(account(List.of(ID, EMAIL, NICKNAME), List.of(), List.of(wider)))));
    }

    @Test
    void aRenameIsOnlyWhatTheHintsSayAndOnlyWhereTheOldNameIsGone() {
        Column handle = NICKNAME.withName("handle");
        SchemaModel before = schema(account(List.of(ID, EMAIL, NICKNAME), List.of(), List.of()));
        MigrationHints renameNickname = new MigrationHints(Map.of(), Map.of("account.handle", "nickname"), Map.of());

        // No hint: a drop and an add, never a guess.
        assertEquals(List.of(new AddColumn("account", handle), new DropColumn("account", NICKNAME)),
                SchemaDiff.between(before, schema(account(List.of(ID, EMAIL, handle), List.of(), List.of()))));
        // The hint, and the old column gone: a rename; with its length changed too, a rename then a change.
        assertEquals(List.of(new RenameColumn("account", "nickname", "handle")),
                SchemaDiff.between(before, schema(account(List.of(ID, EMAIL, handle), List.of(), List.of())), renameNickname));
        Column longerHandle = new Column("handle", ValueKind.STRING, 200, 0, 0, true, false);
        assertEquals(List.of(new RenameColumn("account", "nickname", "handle"), new AlterColumn("account", handle, longerHandle)),
                SchemaDiff.between(before, schema(account(List.of(ID, EMAIL, longerHandle), List.of(), List.of())), renameNickname));
        // The hint, but the old column still there: an add.
        assertEquals(List.of(new AddColumn("account", handle)),
                SchemaDiff.between(before, schema(account(List.of(ID, EMAIL, NICKNAME, handle), List.of(), List.of())), renameNickname));
        // A table renamed: its constraint dropped by its old table's name, added by the new.
        Table members = new Table("member", List.of(ID, EMAIL), List.of("id"), List.of(new Constraint("uq_member_email", List.of("email"))),
                List.of(), List.of());
        assertEquals(List.of(new DropUnique("account", UQ_EMAIL), new RenameTable("account", "member"),
                        new AddUnique("member", new Constraint("uq_member_email", List.of("email")))),
                SchemaDiff.between(schema(account(List.of(ID, EMAIL), List.of(UQ_EMAIL), List.of())), schema(members),
                        new MigrationHints(Map.of("member", "account"), Map.of(), Map.of())));
    }

    @Test
    void heldBackDropsKeepTheTablesAndTheColumnsNullable() {
        SchemaModel before = schema(account(List.of(ID, EMAIL, NICKNAME), List.of(UQ_EMAIL), List.of()), pet(FK_OWNER));
        SchemaModel after = schema(account(List.of(ID, NICKNAME), List.of(), List.of()));

        SchemaModel kept = SchemaDiff.keepingDrops(before, after, MigrationHints.NONE);

        assertEquals(schema(account(List.of(ID, NICKNAME, EMAIL.withNullable(true)), List.of(), List.of()), pet(FK_OWNER)), kept);
        assertEquals(List.of(new DropUnique("account", UQ_EMAIL), new AlterColumn("account", EMAIL, EMAIL.withNullable(true))),
                SchemaDiff.between(before, kept));
    }
}
