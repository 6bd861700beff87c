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
     * Adds what the models have and the database lacks, for development: missing tables with their
     * indexes, columns (a NOT NULL one only to an empty table), unique constraints, indexes and foreign
     * keys. It never drops, renames or changes anything; a difference it cannot make is left for
     * {@link #validate()} to report.
     *
     * @throws SchemaMismatchException listing each addition it cannot make (a NOT NULL column for a table
     *         that has rows, names table and column); then it has changed nothing
     */
    void update();

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
