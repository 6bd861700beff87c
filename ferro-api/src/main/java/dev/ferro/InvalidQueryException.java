package dev.ferro;

/** A query was used in a way that has no safe meaning, such as a bulk update on a limited query. */
public class InvalidQueryException extends FerroException {
    private static final long serialVersionUID = 1L;

    public InvalidQueryException(String message) {
        super(message);
    }
}
