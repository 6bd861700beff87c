package dev.ferro.impl.validation;

import dev.ferro.FerroException;
import dev.ferro.Ref;
import dev.ferro.impl.metadata.FieldMetadata;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.NoProviderFoundException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Bean Validation before every write. The factory is the one given in the options, else the
 * environment's default provider (Hibernate Validator ships with ferro-impl for plain Java SE),
 * built on first use so that read-only applications never pay for it.
 */
public final class ModelValidator implements AutoCloseable {
    private final ValidatorFactory given;
    private volatile ValidatorFactory owned;
    private volatile Validator validator;

    public ModelValidator(ValidatorFactory given) {
        this.given = given;
    }

    /**
     * @throws ConstraintViolationException listing every violation, each with its property path
     */
    public void validate(Object model) {
        validate(model, List.of());
    }

    /**
     * Bean Validation, and the model's foreign keys: a required one must point somewhere, none may
     * point at a model that has no id yet, and a key must fit the target's id type.
     *
     * @throws ConstraintViolationException listing every violation, each with its property path
     */
    public void validate(Object model, List<FieldMetadata> foreignKeys) {
        Set<ConstraintViolation<Object>> violations = validator().validate(model);
        for (FieldMetadata foreignKey : foreignKeys) {
            Object ref = foreignKey.fieldValue(model);
            String target = foreignKey.foreignKey().target().getSimpleName();
            if (ref == null && !foreignKey.nullable()) {
                violations = withViolation(violations, new ReferenceViolation(model, foreignKey.name(),
                        "is required: set it to a Ref<" + target + ">", null));
            } else if (ref != null && ((Ref<?>) ref).id() == null) {
                violations = withViolation(violations, new ReferenceViolation(model, foreignKey.name(),
                        "points at a " + target + " that has no id yet: save it first", ref));
            } else if (ref != null && !foreignKey.foreignKey().fits(((Ref<?>) ref).id())) {
                // A key of the wrong type, as from JSON ("author": "x"): the client's mistake, not a failed write.
                violations = withViolation(violations, new ReferenceViolation(model, foreignKey.name(),
                        "is not a " + target + " id: " + ((Ref<?>) ref).id(), ref));
            }
        }
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(model.getClass().getSimpleName() + " is invalid: " + describe(violations),
                    violations);
        }
    }

    /** Validates one value as it would be assigned to a field (for bulk updates). */
    public void validateValue(Class<?> model, String field, Object value) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Set<ConstraintViolation<Object>> violations = (Set) validator().validateValue(model, field, value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(model.getSimpleName() + "." + field + " cannot be set to " + value + ": "
                    + describe(violations), violations);
        }
    }

    private static Set<ConstraintViolation<Object>> withViolation(Set<ConstraintViolation<Object>> violations,
                                                                  ConstraintViolation<Object> violation) {
        Set<ConstraintViolation<Object>> all = new java.util.LinkedHashSet<>(violations);
        all.add(violation);
        return all;
    }

    private static String describe(Set<ConstraintViolation<Object>> violations) {
        return violations.stream()
                .sorted(Comparator.comparing((ConstraintViolation<Object> v) -> v.getPropertyPath().toString())
                        .thenComparing(ConstraintViolation::getMessage))
                .map(v -> v.getPropertyPath() + " " + v.getMessage())
                .collect(Collectors.joining("; "));
    }

    private Validator validator() {
        Validator current = validator;
        if (current == null) {
            synchronized (this) {
                current = validator;
                if (current == null) {
                    current = factory().getValidator();
                    validator = current;
                }
            }
        }
        return current;
    }

    private ValidatorFactory factory() {
        if (given != null) {
            return given;
        }
        try {
            owned = Validation.buildDefaultValidatorFactory();
            return owned;
        } catch (NoProviderFoundException e) {
            throw new FerroException("No Bean Validation provider found: add org.hibernate.validator:hibernate-validator "
                    + "to the class path, or pass FerroOptions.validatorFactory(...)", e);
        }
    }

    @Override
    public void close() {
        if (owned != null) {
            owned.close();
        }
    }
}
