package dev.ferro.impl.types;

/** An enum column: stored by constant name. */
public enum Status {
    ACTIVE, SUSPENDED, CLOSED
}
