package dev.ferro;

/** A NOT NULL column got no value. */
public class NotNullViolationException extends IntegrityViolationException {
    private static final long serialVersionUID = 1L;

    public NotNullViolationException(String message, Class<?> model, String constraint, Throwable cause) {
        super(message, model, constraint, cause);
    }
}
