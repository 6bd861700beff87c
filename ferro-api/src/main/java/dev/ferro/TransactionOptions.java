package dev.ferro;

import java.util.Objects;

/**
 * How {@link Ferro#transaction(TransactionOptions, Runnable)} runs its block: isolation level,
 * read-only, and how often to re-run the whole block when a {@link TransientDataAccessException}
 * (deadlock, serialization failure, lock timeout, lost connection, exhausted pool) leaves it.
 * Immutable; each method returns a copy.
 *
 * <pre>{@code
 * ferro.transaction(TransactionOptions.defaults().isolation(Isolation.SERIALIZABLE).retries(5), () -> transfer(a, b, 10));
 * }</pre>
 *
 * <p>A retried block starts again from nothing: the rolled-back attempt's identity map is gone, so
 * re-read what the block changes inside it. Retries wait a short, jittered and growing pause
 * (about 10 ms, doubling, at most 1 s). They apply only to an outermost block: a block nested in
 * another transaction (a savepoint, or a JTA transaction) is never re-run by itself, since the outer
 * transaction it belongs to has failed too; give the outermost block the retries.
 */
public final class TransactionOptions {
    private static final TransactionOptions DEFAULTS = new TransactionOptions(Isolation.DEFAULT, false, 0);

    private final Isolation isolation;
    private final boolean readOnly;
    private final int retries;

    private TransactionOptions(Isolation isolation, boolean readOnly, int retries) {
        this.isolation = Objects.requireNonNull(isolation, "isolation");
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative, got " + retries);
        }
        this.readOnly = readOnly;
        this.retries = retries;
    }

    /** The connection's isolation level, read-write, no retries: what {@link Ferro#transaction(Runnable)} uses. */
    public static TransactionOptions defaults() {
        return DEFAULTS;
    }

    public TransactionOptions isolation(Isolation level) {
        return new TransactionOptions(level, readOnly, retries);
    }

    /**
     * A read-only transaction, passed to the database: PostgreSQL and MariaDB refuse writes in it, and
     * SQLite through {@code PRAGMA query_only}; H2 takes it as a hint only.
     */
    public TransactionOptions readOnly(boolean value) {
        return new TransactionOptions(isolation, value, retries);
    }

    /** How many times the whole block is re-run after a transient failure (0: never). */
    public TransactionOptions retries(int count) {
        return new TransactionOptions(isolation, readOnly, count);
    }

    public Isolation isolation() {
        return isolation;
    }

    public boolean readOnly() {
        return readOnly;
    }

    public int retries() {
        return retries;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TransactionOptions that && isolation == that.isolation && readOnly == that.readOnly
                && retries == that.retries;
    }

    @Override
    public int hashCode() {
        return Objects.hash(isolation, readOnly, retries);
    }

    @Override
    public String toString() {
        return "TransactionOptions[isolation=" + isolation + ", readOnly=" + readOnly + ", retries=" + retries + "]";
    }
}
