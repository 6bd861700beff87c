package dev.ferro.impl.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.metadata.ConstraintDescriptor;

import java.util.Iterator;
import java.util.List;

/**
 * A field that cannot be written as it is: a foreign key that is required and null, points at a
 * model not saved yet or holds a key of the wrong type; or a value its column cannot hold exactly
 * ({@link ColumnFit}). Bean Validation cannot see these (they depend on the column, not on an
 * annotation), so Ferro reports each as a violation of its own, in the same
 * {@link jakarta.validation.ConstraintViolationException}.
 */
final class FieldViolation implements ConstraintViolation<Object> {
    private final Object model;
    private final Class<?> modelClass;
    private final String field;
    private final String message;
    private final Object value;

    FieldViolation(Object model, String field, String message, Object value) {
        this(model, model.getClass(), field, message, value);
    }

    /** @param model null for a value checked on its own, as {@code Validator.validateValue} has none */
    FieldViolation(Object model, Class<?> modelClass, String field, String message, Object value) {
        this.model = model;
        this.modelClass = modelClass;
        this.field = field;
        this.message = message;
        this.value = value;
    }

    @Override
    public String getMessage() {
        return message;
    }

    @Override
    public String getMessageTemplate() {
        return message;
    }

    @Override
    public Object getRootBean() {
        return model;
    }

    @Override
    public Class<Object> getRootBeanClass() {
        @SuppressWarnings("unchecked")
        Class<Object> type = (Class<Object>) modelClass;
        return type;
    }

    @Override
    public Object getLeafBean() {
        return model;
    }

    @Override
    public Object[] getExecutableParameters() {
        return null;
    }

    @Override
    public Object getExecutableReturnValue() {
        return null;
    }

    @Override
    public Path getPropertyPath() {
        return new PropertyPath(field);
    }

    @Override
    public Object getInvalidValue() {
        return value;
    }

    /** None: the constraint is Ferro's column, not an annotation Bean Validation knows. */
    @Override
    public ConstraintDescriptor<?> getConstraintDescriptor() {
        return null;
    }

    @Override
    public <U> U unwrap(Class<U> type) {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new jakarta.validation.ValidationException("Cannot unwrap a Ferro field violation to " + type.getName());
    }

    @Override
    public String toString() {
        return field + " " + message;
    }

    /** A path of one property node: the field. */
    private record PropertyPath(String field) implements Path, Path.PropertyNode {
        @Override
        public Iterator<Node> iterator() {
            return List.<Node>of(this).iterator();
        }

        @Override
        public String getName() {
            return field;
        }

        @Override
        public boolean isInIterable() {
            return false;
        }

        @Override
        public Integer getIndex() {
            return null;
        }

        @Override
        public Object getKey() {
            return null;
        }

        @Override
        public Class<?> getContainerClass() {
            return null;
        }

        @Override
        public Integer getTypeArgumentIndex() {
            return null;
        }

        @Override
        public ElementKind getKind() {
            return ElementKind.PROPERTY;
        }

        @Override
        public <T extends Node> T as(Class<T> nodeType) {
            if (nodeType.isInstance(this)) {
                return nodeType.cast(this);
            }
            throw new ClassCastException("A property node is not a " + nodeType.getSimpleName());
        }

        @Override
        public String toString() {
            return field;
        }
    }
}
