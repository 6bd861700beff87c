package dev.ferro;

/**
 * A save or delete of a model with a {@link Version} found no row with its key and the version it
 * was read with: another transaction changed or deleted the row since. Nothing was written. Read
 * the row again and redo the change, or let {@link TransactionOptions#retries} re-run the block.
 */
public class OptimisticLockException extends TransientDataAccessException {
    private static final long serialVersionUID = 1L;
    private final Class<?> model;
    private final transient Object key;
    private final transient Object expectedVersion;

    public OptimisticLockException(Class<?> model, Object key, Object expectedVersion, boolean deleted) {
        super(model.getSimpleName() + " " + key + (deleted ? " was deleted" : " was changed")
                + " by another transaction since it was read: no row has version " + expectedVersion
                + (deleted ? " any more" : " (the database holds a later one)"), (Throwable) null);
        this.model = model;
        this.key = key;
        this.expectedVersion = expectedVersion;
    }

    /** The model class. */
    public Class<?> model() {
        return model;
    }

    /** The key of the row. */
    public Object key() {
        return key;
    }

    /** The version the model held, which the row no longer has. */
    public Object expectedVersion() {
        return expectedVersion;
    }
}
