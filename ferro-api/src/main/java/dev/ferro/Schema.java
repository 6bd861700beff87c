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
     * Checks the database against the models: every table (join tables included) and column exists, with
     * the models' nullability, a type that holds the field, the string lengths and decimal precision and
     * scale Ferro declares, the primary key, unique constraints, indexes and foreign keys (target and
     * delete rule).
     *
     * @throws SchemaMismatchException listing each mismatch
     */
    void validate();
}
