package dev.ferro.impl.schema;

import dev.ferro.impl.schema.SchemaModel.Column;
import dev.ferro.impl.schema.SchemaModel.Constraint;
import dev.ferro.impl.schema.SchemaModel.ForeignKey;
import dev.ferro.impl.schema.SchemaModel.Table;

/**
 * One step from one version of the models' schema to the next, as {@link SchemaDiff} finds it between two
 * {@link SchemaModel}s: what a generated migration does. Drops are changes like any other here; whether a
 * migration carries them is the generator's choice.
 */
sealed interface SchemaChange {
    /** The table the change is on. */
    String table();

    /** The change in a line, for the generator's report: {@code drop column account.nickname}. */
    String describe();

    record AddTable(Table added) implements SchemaChange {
        public String table() {
            return added.name();
        }

        public String describe() {
            return "add table " + table();
        }
    }

    record DropTable(Table dropped) implements SchemaChange {
        public String table() {
            return dropped.name();
        }

        public String describe() {
            return "drop table " + table();
        }
    }

    /** A table the models renamed ({@code @Model(renamedFrom)}), with its rows. */
    record RenameTable(String from, String to) implements SchemaChange {
        public String table() {
            return to;
        }

        public String describe() {
            return "rename table " + from + " to " + to;
        }
    }

    /** A column the models renamed ({@code @Column(renamedFrom)}), with its values; the table by its new name. */
    record RenameColumn(String table, String from, String to) implements SchemaChange {
        public String describe() {
            return "rename column " + table + "." + from + " to " + to;
        }
    }

    record AddColumn(String table, Column column) implements SchemaChange {
        public String describe() {
            return "add column " + table + "." + column.name();
        }
    }

    record DropColumn(String table, Column column) implements SchemaChange {
        public String describe() {
            return "drop column " + table + "." + column.name();
        }
    }

    /** A column (of the same name, or renamed) whose kind, size, nullability or default changed; {@code from} under its new name. */
    record AlterColumn(String table, Column from, Column to) implements SchemaChange {
        public String describe() {
            return "change column " + table + "." + to.name();
        }
    }

    record AddUnique(String table, Constraint unique) implements SchemaChange {
        public String describe() {
            return "add unique constraint " + unique.name() + " on " + table;
        }
    }

    record DropUnique(String table, Constraint unique) implements SchemaChange {
        public String describe() {
            return "drop unique constraint " + unique.name() + " on " + table;
        }
    }

    record AddIndex(String table, Constraint index) implements SchemaChange {
        public String describe() {
            return "add index " + index.name() + " on " + table;
        }
    }

    record DropIndex(String table, Constraint index) implements SchemaChange {
        public String describe() {
            return "drop index " + index.name() + " on " + table;
        }
    }

    record AddForeignKey(String table, ForeignKey foreignKey) implements SchemaChange {
        public String describe() {
            return "add foreign key " + foreignKey.name() + " on " + table;
        }
    }

    record DropForeignKey(String table, ForeignKey foreignKey) implements SchemaChange {
        public String describe() {
            return "drop foreign key " + foreignKey.name() + " on " + table;
        }
    }
}
