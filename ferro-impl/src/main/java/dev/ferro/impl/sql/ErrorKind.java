package dev.ferro.impl.sql;

/** What a database error means to a caller, as the dialect reads it from SQLState, vendor code or message. */
public enum ErrorKind {
    UNIQUE, FOREIGN_KEY, NOT_NULL,
    /** The database rolled the transaction back to break a deadlock. */
    DEADLOCK,
    /** The transaction could not be serialized with a concurrent one. */
    SERIALIZATION,
    /** A lock wait (or SQLite's busy wait) ran out. */
    LOCK_TIMEOUT,
    /** The statement was cancelled (by Ferro's timeout, or by the database's own). */
    CANCELLED,
    /** The connection is broken or could not be opened; it must never be used again. */
    CONNECTION_LOST,
    NONE
}
