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

    record AddTable(Table added) implements SchemaChange {
        public String table() {
            return added.name();
        }
    }

    record DropTable(Table dropped) implements SchemaChange {
        public String table() {
            return dropped.name();
        }
    }

    record AddColumn(String table, Column column) implements SchemaChange {
    }

    record DropColumn(String table, Column column) implements SchemaChange {
    }

    /** A column of the same name whose kind, size or nullability changed. */
    record AlterColumn(String table, Column from, Column to) implements SchemaChange {
    }

    record AddUnique(String table, Constraint unique) implements SchemaChange {
    }

    record DropUnique(String table, Constraint unique) implements SchemaChange {
    }

    record AddIndex(String table, Constraint index) implements SchemaChange {
    }

    record DropIndex(String table, Constraint index) implements SchemaChange {
    }

    record AddForeignKey(String table, ForeignKey foreignKey) implements SchemaChange {
    }

    record DropForeignKey(String table, ForeignKey foreignKey) implements SchemaChange {
    }
}
