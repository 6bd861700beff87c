package dev.ferro;

/**
 * A value read from the database does not fit the model's field: an integer wider than the field's
 * type, or a decimal with more fractional digits than the field's scale (SQLite keeps whatever a
 * column is given, so a file written by another program can hold one), or a stored value that the
 * field's {@link ColumnType} refuses. Ferro refuses the row rather
 * than narrow or round the value. Values written through Ferro never get here: a write checks that
 * each value fits its column, and refuses one that does not with a
 * {@link jakarta.validation.ConstraintViolationException}.
 */
public class ValueOutOfRangeException extends DataAccessException {
    private static final long serialVersionUID = 1L;
    private final Class<?> model;
    private final String field;
    private final String value;

    public ValueOutOfRangeException(Class<?> model, String field, String value, String problem) {
        this(model, field, value, problem, null);
    }

    /** @param cause what refused the value, as the conversion of a {@link ColumnType} */
    public ValueOutOfRangeException(Class<?> model, String field, String value, String problem, Throwable cause) {
        super(model.getSimpleName() + "." + field + " cannot hold the value " + value + " read from the database: " + problem,
                cause);
        this.model = model;
        this.field = field;
        this.value = value;
    }

    public Class<?> model() {
        return model;
    }

    public String field() {
        return field;
    }

    /** The value as the database holds it, in text. */
    public String value() {
        return value;
    }
}
