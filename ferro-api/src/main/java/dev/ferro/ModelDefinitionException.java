package dev.ferro;

/** A model class cannot be mapped: the message names the class and, where it applies, the field. */
public class ModelDefinitionException extends FerroException {
    private static final long serialVersionUID = 1L;
    private final Class<?> model;
    private final String field;

    public ModelDefinitionException(Class<?> model, String field, String problem) {
        super(field == null
                ? "Model " + model.getName() + ": " + problem
                : "Model " + model.getName() + ", field '" + field + "': " + problem);
        this.model = model;
        this.field = field;
    }

    public Class<?> model() {
        return model;
    }

    /** The field at fault, or null when the problem is the class itself. */
    public String field() {
        return field;
    }
}
