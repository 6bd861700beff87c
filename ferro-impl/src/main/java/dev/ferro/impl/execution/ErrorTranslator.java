package dev.ferro.impl.execution;

import dev.ferro.DataAccessException;
import dev.ferro.FerroException;
import dev.ferro.ForeignKeyViolationException;
import dev.ferro.NotNullViolationException;
import dev.ferro.UniqueViolationException;
import dev.ferro.impl.metadata.IndexMetadata;
import dev.ferro.impl.metadata.ModelMetadata;
import dev.ferro.impl.sql.ConstraintKind;
import dev.ferro.impl.sql.Dialect;

import java.sql.SQLException;

/**
 * Turns a JDBC failure into the typed Ferro exception a user can catch, naming the model and the
 * constraint, and keeping the driver's exception as the cause.
 */
public final class ErrorTranslator {
    /** Ferro names every foreign key {@code fk_<table>_<column>}; SQLite's messages name none. */
    private static final java.util.regex.Pattern FOREIGN_KEY_NAME = java.util.regex.Pattern.compile(
            "(?i)\\bfk_[\\p{L}\\p{N}_$]+");
    private final Dialect dialect;

    public ErrorTranslator(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * @param model the model being written or read, or null for raw SQL
     * @param action what Ferro was doing, for the message ("insert User")
     */
    public FerroException translate(SQLException error, ModelMetadata<?> model, String action) {
        Class<?> type = model == null ? null : model.type();
        String subject = model == null ? "" : " on " + model.name();
        String detail = firstMessage(error);
        ConstraintKind kind = dialect.classify(error);
        switch (kind) {
            case UNIQUE -> {
                IndexMetadata unique = model == null ? null : model.uniqueMentionedIn(messages(error));
                String constraint = unique != null ? unique.name() : null;
                String what = unique != null ? " unique constraint " + constraint + " " + unique.columns()
                        : " a unique constraint or the primary key";
                return new UniqueViolationException("Duplicate value" + subject + ": " + action + " violates" + what
                        + " (" + detail + ")", type, constraint, error);
            }
            case FOREIGN_KEY -> {
                java.util.regex.Matcher named = FOREIGN_KEY_NAME.matcher(messages(error));
                String constraint = named.find() ? named.group() : null;
                return new ForeignKeyViolationException("Foreign key violation" + subject + ": " + action
                        + (constraint != null ? " violates " + constraint : "") + " (" + detail + ")", type, constraint, error);
            }
            case NOT_NULL -> {
                String column = dialect.notNullColumn(error);
                return new NotNullViolationException("Missing value" + subject + ": " + action + " leaves NOT NULL column "
                        + (column == null ? "" : column + " ") + "empty (" + detail + ")", type, column, error);
            }
            default -> {
                return new DataAccessException("Failed to " + action, error);
            }
        }
    }

    private static String firstMessage(SQLException error) {
        SQLException next = error.getNextException();
        // A batch failure's own message is generic; the chained one says what went wrong.
        return next != null && next.getMessage() != null ? next.getMessage() : error.getMessage();
    }

    private static String messages(SQLException error) {
        StringBuilder all = new StringBuilder(String.valueOf(error.getMessage()));
        for (SQLException e = error.getNextException(); e != null; e = e.getNextException()) {
            all.append('\n').append(e.getMessage());
        }
        if (error.getCause() != null) {
            all.append('\n').append(error.getCause().getMessage());
        }
        return all.toString();
    }
}
