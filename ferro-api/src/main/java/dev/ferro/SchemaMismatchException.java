package dev.ferro;

import java.util.List;

/**
 * The database's schema does not match the models: what {@link Schema#validate()} found (also at a start with
 * {@link SchemaMode#VALIDATE} or migrations), or what {@link Schema#update()} cannot add.
 */
public class SchemaMismatchException extends FerroException {
    private static final long serialVersionUID = 1L;
    private final List<String> mismatches;

    public SchemaMismatchException(List<String> mismatches) {
        super("The database schema does not match the models:\n  - " + String.join("\n  - ", mismatches));
        this.mismatches = List.copyOf(mismatches);
    }

    /** One line per mismatch, each naming the table and the column or constraint. */
    public List<String> mismatches() {
        return mismatches;
    }
}
