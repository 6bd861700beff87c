package dev.ferro;

import java.util.List;

/** {@link Schema#validate()} found tables or columns that do not match the models. */
public class SchemaMismatchException extends FerroException {
    private static final long serialVersionUID = 1L;
    private final List<String> mismatches;

    public SchemaMismatchException(List<String> mismatches) {
        super("The database schema does not match the models:\n  - " + String.join("\n  - ", mismatches));
        this.mismatches = List.copyOf(mismatches);
    }

    /** One line per mismatch, each naming the table and column. */
    public List<String> mismatches() {
        return mismatches;
    }
}
