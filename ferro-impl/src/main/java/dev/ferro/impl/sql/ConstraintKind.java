package dev.ferro.impl.sql;

/** Which kind of integrity constraint a database error reports. */
public enum ConstraintKind {
    UNIQUE, FOREIGN_KEY, NOT_NULL, NONE
}
