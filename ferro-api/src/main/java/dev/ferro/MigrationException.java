package dev.ferro;

/** A migration at start failed: a script that did not run, or applied scripts that are not those there are. */
public class MigrationException extends FerroException {
    private static final long serialVersionUID = 1L;

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
