package dev.ferro;

import java.util.Objects;
import java.util.function.Function;

/**
 * Stores a value type of the application in a column of a type Ferro stores itself: a {@code Money}
 * record as a decimal, an {@code EmailAddress} as a string. A model's field of the value type is
 * then a column like any other: it is written, read back, filtered on ({@code eq}, {@code in}, ...)
 * and assigned in bulk updates, and its column gets the SQL type, size limits and checks of the
 * stored type ({@code @Column(precision = 12, scale = 2)} on a {@code Money} field sizes the decimal).
 *
 * <pre>{@code
 * record Money(BigDecimal amount) { }
 * ColumnType<Money, BigDecimal> MONEY = ColumnType.of(Money.class, BigDecimal.class, Money::amount, Money::new);
 * FerroOptions.defaults().types(MONEY)
 * }</pre>
 *
 * <p>Registered with {@link FerroOptions#types}, or, for every Ferro of the application (and the CDI
 * extension), as a service: a public class with a public no-argument constructor named in
 * {@code META-INF/services/dev.ferro.ColumnType}. One type per Java class; the types Ferro stores
 * itself cannot be replaced, and ids and {@code @Version} fields cannot use one.
 *
 * <p>The metamodel gives such a field a plain {@link Attribute} (equality, {@code IN}, null tests,
 * assignment): the annotation processor cannot know whether the database orders the stored values
 * as the Java type does.
 *
 * @param <J> the field's type
 * @param <S> the stored type: {@code String}, {@code BigDecimal}, {@code Long}, {@code Integer},
 *            {@code Short}, {@code Boolean}, {@code Double}, {@code Float}, {@code UUID}, a
 *            {@code java.time} type Ferro stores, {@code byte[]} or an enum
 */
public interface ColumnType<J, S> {

    /** The field type this stores. */
    Class<J> javaType();

    /** The type of the column's values (a wrapper for a primitive). */
    Class<S> storedType();

    /** The value to store for a field's value; never called with null (a null field is SQL NULL). */
    S toStored(J value);

    /** The field's value for a stored value; never called with null. */
    J fromStored(S value);

    /** A column type from two conversions, each the inverse of the other. */
    static <J, S> ColumnType<J, S> of(Class<J> javaType, Class<S> storedType, Function<? super J, ? extends S> toStored,
                                      Function<? super S, ? extends J> fromStored) {
        Objects.requireNonNull(javaType, "javaType");
        Objects.requireNonNull(storedType, "storedType");
        Objects.requireNonNull(toStored, "toStored");
        Objects.requireNonNull(fromStored, "fromStored");
        return new ColumnType<>() {
            @Override
            public Class<J> javaType() {
                return javaType;
            }

            @Override
            public Class<S> storedType() {
                return storedType;
            }

            @Override
            public S toStored(J value) {
                return toStored.apply(value);
            }

            @Override
            public J fromStored(S value) {
                return fromStored.apply(value);
            }

            @Override
            public String toString() {
                return "ColumnType[" + javaType.getName() + " as " + storedType.getName() + "]";
            }
        };
    }
}
