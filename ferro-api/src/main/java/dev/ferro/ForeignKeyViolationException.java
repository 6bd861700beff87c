package dev.ferro;

/** A foreign key refused a value with no parent row, or a delete of a parent that still has children. */
public class ForeignKeyViolationException extends IntegrityViolationException {
    private static final long serialVersionUID = 1L;

    public ForeignKeyViolationException(String message, Class<?> model, String constraint, Throwable cause) {
        super(message, model, constraint, cause);
    }
}
