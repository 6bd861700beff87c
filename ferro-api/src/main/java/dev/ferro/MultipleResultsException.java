package dev.ferro;

/** {@link Query#one()} found more than one row. */
public class MultipleResultsException extends FerroException {
    private static final long serialVersionUID = 1L;
    private final Class<?> model;

    public MultipleResultsException(Class<?> model) {
        super("Expected one " + model.getSimpleName() + " but the query matched more than one");
        this.model = model;
    }

    public Class<?> model() {
        return model;
    }
}
