package dev.ferro;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Column options that Bean Validation does not already express. Without it a field maps to a
 * column named in snake_case, nullable unless the field is primitive or {@code @NotNull},
 * and a {@code String} column is as long as {@code @Size(max)} says, or 255.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Column {
    /** Length meaning "as long as the database allows" (TEXT, CLOB). */
    int UNLIMITED = Integer.MAX_VALUE;

    /** The column name; empty means the snake_case of the field name. */
    String name() default "";

    /** The maximum length of a String column; 0 means {@code @Size(max)} or 255. */
    int length() default 0;

    /** Total digits of a BigDecimal column; 0 means {@code @Digits} or 38. */
    int precision() default 0;

    /** Digits after the point of a BigDecimal column; -1 means {@code @Digits} or 2. */
    int scale() default -1;

    /** Whether the column accepts NULL; {@code false} adds NOT NULL even without {@code @NotNull}. */
    boolean nullable() default true;

    /**
     * The column's name before a rename, for the migration generator: with it, a field whose column was
     * {@code renamedFrom} becomes a rename that keeps the data, not a drop and an add. Harmless once the
     * migration has run; empty means no rename.
     */
    String renamedFrom() default "";

    /**
     * The database's default for the column, as a value of the field's type written as text ({@code "0"},
     * {@code "true"}, {@code "draft"}, the name of an enum constant), for rows written without the column: by a
     * migration that adds it NOT NULL to a table with rows, or by other SQL. Ferro itself writes every field, its
     * Java value included. Only for boolean, numeric, String and enum fields; empty means none.
     */
    String defaultValue() default "";
}
