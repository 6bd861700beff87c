package dev.ferro.impl.metadata;

/**
 * What one database's columns and names can hold: checked when a model is read, so that a model it
 * cannot store fails at start.
 */
@FunctionalInterface
public interface ColumnLimits {
    /** No limits but the model's own: for reading models before the database is known. */
    ColumnLimits NONE = field -> null;

    /** Why the field's column (its length, precision or scale) cannot be made here, or null when it can. */
    String unsupported(FieldMetadata field);

    /**
     * Why a table, column, index or constraint name is too long for the database, or null when it is
     * not: a database that cuts a longer name silently (PostgreSQL) would make a schema that is not the model's.
     */
    default String unsupportedIdentifier(String name) {
        return null;
    }
}
