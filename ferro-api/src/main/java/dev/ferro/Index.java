package dev.ferro;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A (non-unique) index. On a field it covers that column; on a model class it is a composite
 * index over the fields listed in {@link #value()}, in that order.
 * The index is named {@code idx_<table>_<columns>} unless {@link #name()} is given.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.TYPE})
@Repeatable(Index.List.class)
public @interface Index {
    /** The field names of a composite index (on a class only; at least two). */
    String[] value() default {};

    /** The index name; empty means {@code idx_<table>_<columns>}. */
    String name() default "";

    /** Holds several composite {@link Index} declarations on one class. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        Index[] value();
    }
}
