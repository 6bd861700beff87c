package dev.ferro;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a plain Java class as a Ferro model: one table, one row per instance.
 *
 * <p>The table is named after the class in snake_case ({@code BlogPost} becomes {@code blog_post})
 * unless {@link #table()} says otherwise. A model needs a no-argument constructor (any visibility)
 * and exactly one {@link Id} field. Fields may be public, or private with a getter and setter.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Model {
    /** The table name; empty means the snake_case of the simple class name. */
    String table() default "";

    /**
     * The table's name before a rename (of the class or of {@link #table()}), for the migration generator:
     * with it, the table is renamed and keeps its rows, instead of a new table made beside the old. Empty
     * means no rename.
     */
    String renamedFrom() default "";
}
