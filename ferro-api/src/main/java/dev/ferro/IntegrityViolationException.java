package dev.ferro;

/**
 * The database refused a write because of a constraint. The statement had no effect, and when it
 * ran in a transaction the exception rolls that transaction back as it leaves the block.
 */
public abstract class IntegrityViolationException extends FerroException {
    private static final long serialVersionUID = 1L;
    private final Class<?> model;
    private final String constraint;

    protected IntegrityViolationException(String message, Class<?> model, String constraint, Throwable cause) {
        super(message, cause);
        this.model = model;
        this.constraint = constraint;
    }

    /** The model whose write failed, or null for raw SQL. */
    public Class<?> model() {
        return model;
    }

    /** The constraint (or the column, for NOT NULL) as the database reported it; null when it did not. */
    public String constraint() {
        return constraint;
    }
}
