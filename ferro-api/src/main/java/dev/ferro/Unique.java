package dev.ferro;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A unique constraint. On a field it covers that column; on a model class it is a composite
 * constraint over the fields listed in {@link #value()}, in that order.
 * The constraint is named {@code uq_<table>_<columns>} unless {@link #name()} is given.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.TYPE})
@Repeatable(Unique.List.class)
public @interface Unique {
    /** The field names of a composite constraint (on a class only; at least two). */
    String[] value() default {};

    /** The constraint name; empty means {@code uq_<table>_<columns>}. */
    String name() default "";

    /** Holds several composite {@link Unique} constraints on one class. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        Unique[] value();
    }
}
