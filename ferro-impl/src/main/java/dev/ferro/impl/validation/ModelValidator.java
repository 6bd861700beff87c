package dev.ferro.impl.validation;

import dev.ferro.FerroException;
import dev.ferro.Assignment;
import dev.ferro.Ref;
import dev.ferro.impl.metadata.FieldMetadata;
import dev.ferro.impl.metadata.ModelMetadata;
import dev.ferro.impl.sql.Dialect;
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
    private final Dialect dialect;
    private volatile ValidatorFactory owned;
    private volatile Validator validator;

    /** @param dialect says which decimals its database stores exactly ({@link Dialect#decimalMisfit}) */
    public ModelValidator(ValidatorFactory given, Dialect dialect) {
        this.given = given;
        this.dialect = dialect;
    }

    /**
     * The fields whose values {@link #validate} checks itself, besides Bean Validation: the foreign
     * keys, and the columns that cannot hold every value of their Java type (decimals, strings,
     * floating point). Worked out once per model, so that a write reads only these.
     */
    public static List<FieldMetadata> checkedFields(ModelMetadata<?> model) {
        return model.fields().stream()
                .filter(f -> f.foreignKey() != null || switch (f.kind()) {
                    case DECIMAL, STRING, FLOAT, DOUBLE -> true;
                    default -> false;
                })
                .toList();
    }

    /**
     * Bean Validation, and Ferro's own checks of the {@link #checkedFields}: a required foreign key
     * must point somewhere, none may point at a model that has no id yet, and a key must fit the
     * target's id type; every other value must fit its column exactly ({@link ColumnFit}). A field
     * that Bean Validation already found invalid is not checked again.
     *
     * @throws ConstraintViolationException listing every violation, each with its property path
     */
    public void validate(Object model, List<FieldMetadata> checkedFields) {
        Set<ConstraintViolation<Object>> violations = validator().validate(model);
        for (FieldMetadata field : checkedFields) {
            if (!violations.isEmpty() && hasViolation(violations, field.name())) {
                continue; // one violation per field: @Size(max = 20) says what Ferro's length check would
            }
            Object value = field.fieldValue(model);
            String problem = field.foreignKey() != null ? referenceProblem(field, value) : ColumnFit.misfit(field, value, dialect);
            if (problem != null) {
                violations = withViolation(violations, new FieldViolation(model, field.name(), problem, value));
            }
        }
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(model.getClass().getSimpleName() + " is invalid: " + describe(violations),
                    violations);
        }
    }

    private static boolean hasViolation(Set<ConstraintViolation<Object>> violations, String field) {
        for (ConstraintViolation<Object> violation : violations) {
            if (violation.getPropertyPath().toString().equals(field)) {
                return true;
            }
        }
        return false;
    }

    private static String referenceProblem(FieldMetadata foreignKey, Object ref) {
        String target = foreignKey.foreignKey().target().getSimpleName();
        if (ref == null) {
            return foreignKey.nullable() ? null : "is required: set it to a Ref<" + target + ">";
        }
        Object key = ((Ref<?>) ref).id();
        if (key == null) {
            return "points at a " + target + " that has no id yet: save it first";
        }
        // A key of the wrong type or out of range, as from JSON ("author": "x"): the client's mistake, not a failed write.
        return foreignKey.foreignKey().fits(key) ? null : "is not a " + target + " id: " + key;
    }

    /**
     * Validates one value as it would be assigned to a field (for bulk updates): Bean Validation, and
     * that the value fits the column.
     */
    public void validateValue(FieldMetadata field, Object value) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Set<ConstraintViolation<Object>> violations = (Set) validator().validateValue(field.model(), field.name(), value);
        String misfit = field.foreignKey() == null && violations.isEmpty() ? ColumnFit.misfit(field, value, dialect) : null;
        if (misfit != null) {
            violations = withViolation(violations, new FieldViolation(null, field.model(), field.name(), misfit, value));
        }
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(field + " cannot be set to " + value + ": " + describe(violations),
                    violations);
        }
    }

    /**
     * Checks the operand of an update expression on a decimal column, which the database would
     * round: an operand of {@code add} or {@code subtract} may have no more fractional digits than
     * the column's scale, one of {@code multiply} none.
     */
    public void validateOperand(FieldMetadata field, Assignment.Operator operator, Object operand) {
        String problem = ColumnFit.operandMisfit(field, operator, operand);
        if (problem != null) {
            Set<ConstraintViolation<Object>> violations = Set.of(new FieldViolation(null, field.model(), field.name(), problem, operand));
            throw new ConstraintViolationException(field + " cannot be changed by " + operand + ": " + field.name() + " " + problem,
                    violations);
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
