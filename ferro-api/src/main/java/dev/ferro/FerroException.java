package dev.ferro;

/** The root of Ferro's exceptions; unchecked. */
public class FerroException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FerroException(String message) {
        super(message);
    }

    public FerroException(String message, Throwable cause) {
        super(message, cause);
    }
}
