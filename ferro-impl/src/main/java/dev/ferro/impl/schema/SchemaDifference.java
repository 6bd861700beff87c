package dev.ferro.impl.schema;

import dev.ferro.impl.metadata.ModelMetadata;
import dev.ferro.impl.schema.SchemaModel.Column;
import dev.ferro.impl.schema.SchemaModel.Constraint;
import dev.ferro.impl.schema.SchemaModel.ForeignKey;
import dev.ferro.impl.schema.SchemaModel.Table;

/**
 * One way a live database differs from the models' schema, as {@link SchemaComparison} finds it:
 * {@code validate()} reports each by its message, and {@code update()} adds what is missing and leaves
 * the {@link Mismatch}es alone.
 */
sealed interface SchemaDifference {
    /** What differs, naming the table and column or constraint. */
    String message();

    /** The model of the table (of a join table, the model that owns it), whose failure a fix would be. */
    ModelMetadata<?> model();

    record MissingTable(String message, ModelMetadata<?> model, Table table) implements SchemaDifference {
    }

    /** @param field the column's field, for messages ({@code SchemaAccount.age}); empty for a join table's column */
    record MissingColumn(String message, ModelMetadata<?> model, Table table, Column column, String field) implements SchemaDifference {
    }

    record MissingUnique(String message, ModelMetadata<?> model, Table table, Constraint unique) implements SchemaDifference {
    }

    record MissingIndex(String message, ModelMetadata<?> model, Table table, Constraint index) implements SchemaDifference {
    }

    record MissingForeignKey(String message, ModelMetadata<?> model, Table table, ForeignKey foreignKey) implements SchemaDifference {
    }

    /** Something that exists otherwise than the models say (a type, a length, nullability, a key): never changed by update. */
    record Mismatch(String message, ModelMetadata<?> model) implements SchemaDifference {
    }
}
