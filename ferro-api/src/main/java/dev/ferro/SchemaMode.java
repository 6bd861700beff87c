package dev.ferro;

/** What {@link Ferro#connect} does to the schema at start ({@code ferro.schema}). */
public enum SchemaMode {
    /** Nothing. */
    NONE,
    /** Creates missing tables, constraints and indexes; never alters or drops. */
    CREATE,
    /** Adds missing tables, columns, constraints and indexes ({@link Schema#update()}); never drops or alters: for development. */
    UPDATE,
    /** Checks the schema against the models ({@link Schema#validate()}); fails the start when they differ. */
    VALIDATE
}
