package dev.ferro;

/**
 * The schema step: tables, unique constraints and indexes derived from the models. Without
 * arguments it covers the models of {@link FerroOptions#models} (or, when none were given, those
 * of the compile-time model index {@code META-INF/ferro/models}).
 */
public interface Schema {

    /** Creates every missing table, constraint and index; leaves existing ones alone. */
    void create();

    /** Creates the tables of these models when missing. */
    void create(Class<?>... models);

    /** Drops the tables of these models when present. */
    void drop(Class<?>... models);

    /**
     * Checks that every model's table and columns exist with compatible types and nullability.
     *
     * @throws SchemaMismatchException listing each mismatch
     */
    void validate();
}
