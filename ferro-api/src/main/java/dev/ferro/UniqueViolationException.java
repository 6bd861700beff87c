package dev.ferro;

/** A unique constraint or primary key refused a duplicate value. */
public class UniqueViolationException extends IntegrityViolationException {
    private static final long serialVersionUID = 1L;

    public UniqueViolationException(String message, Class<?> model, String constraint, Throwable cause) {
        super(message, model, constraint, cause);
    }
}
