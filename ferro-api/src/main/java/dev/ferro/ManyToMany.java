package dev.ferro;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A many-to-many {@link Relation}, stored in a join table {@code <source table>_<field column>}
 * (for {@code Post.tags}: {@code post_tags}) with two foreign-key columns, {@code <source table>_id}
 * and {@code <target table>_id} (for a self relation, {@code from_id} and {@code to_id}), both
 * {@code ON DELETE CASCADE}, a unique constraint on the pair and an index on the reverse column.
 * The target declares the reverse side as {@code @BackRef Relation<Source>} named {@link #relatedName()}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ManyToMany {
    /** The target's {@link BackRef} field; an empty name declares no reverse side. */
    String relatedName();

    /** The join table's name; empty means {@code <source table>_<field column>}. */
    String table() default "";
}
