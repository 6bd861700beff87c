package dev.ferro;

/** No row has the key (or matches the query) that was asked for. */
public class ModelNotFoundException extends FerroException {
    private static final long serialVersionUID = 1L;
    private final Class<?> model;
    private final transient Object key;

    public ModelNotFoundException(Class<?> model, Object key) {
        super(model.getSimpleName() + " with id " + key + " not found");
        this.model = model;
        this.key = key;
    }

    public ModelNotFoundException(Class<?> model, String message) {
        super(message);
        this.model = model;
        this.key = null;
    }

    /** The model class. */
    public Class<?> model() {
        return model;
    }

    /** The primary key asked for, or null when a query (not a key) found nothing. */
    public Object key() {
        return key;
    }
}
