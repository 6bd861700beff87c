package dev.ferro;

/**
 * What {@link Query#forUpdate(RowLock)} does when another transaction holds a lock on a matching row.
 */
public enum RowLock {
    /** Waits for the lock (up to the database's lock timeout, then {@link LockTimeoutException}). */
    WAIT,
    /** Fails at once with {@link LockTimeoutException}. Not on SQLite. */
    NO_WAIT,
    /** Leaves the locked rows out of the result (a work queue's pick). Not on SQLite. */
    SKIP_LOCKED
}
