package dev.ferro.impl.schema;

import dev.ferro.Ferro;
import dev.ferro.impl.testing.Database;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Tables made by hand, as an older version of the models or another program left them, for validate and update. */
final class HandMadeTables {
    private HandMadeTables() {
    }

    /** The type Ferro declares for a string field of the default length, 255. */
    static String text(Database database) {
        // H2 counts a VARCHAR's length in UTF-16 units, so Ferro declares twice the field's length there (H2Dialect).
        return database == Database.H2 ? "VARCHAR(510)" : "VARCHAR(255)";
    }

    /**
     * Replaces the table of {@link SchemaAccount} (and of {@link SchemaAddress}, which points at it) by one made by
     * hand: the columns as Ferro declares them, changed, with or without the unique constraint on {@code email} and
     * the index on {@code city}.
     */
    static void account(Ferro ferro, Database database, Consumer<Map<String, String>> change, boolean unique, boolean index) {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("id", "BIGINT NOT NULL PRIMARY KEY");
        columns.put("email", text(database) + " NOT NULL");
        columns.put("city", text(database));
        columns.put("age", "INTEGER NOT NULL");
        columns.put("nickname", text(database));
        change.accept(columns);
        List<String> definitions = new ArrayList<>();
        columns.forEach((name, definition) -> definitions.add(name + " " + definition));
        if (unique) {
            definitions.add("CONSTRAINT uq_schema_account_email UNIQUE (email)");
        }
        ferro.schema().drop(SchemaAddress.class, SchemaAccount.class);
        ferro.execute("CREATE TABLE schema_account (" + String.join(", ", definitions) + ")");
        if (index) {
            ferro.execute("CREATE INDEX idx_schema_account_city ON schema_account (city)");
        }
        ferro.schema().create(SchemaAddress.class);
    }
}
