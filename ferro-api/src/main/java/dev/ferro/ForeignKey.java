package dev.ferro;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link Ref} field as a foreign key. The table gets a shadow column {@code <column>_id}
 * typed like the target's id (the field's column name, as {@link Column#name()} gives it, plus
 * {@code _id}), a real {@code FOREIGN KEY} constraint named {@code fk_<table>_<column>}, and an
 * index unless {@link #index()} is false or {@link #unique()} is true.
 *
 * <pre>{@code
 * @ForeignKey(relatedName = "posts", onDelete = OnDelete.CASCADE)
 * public Ref<User> author;          // User declares: @BackRef public Relation<Post> posts;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ForeignKey {
    /**
     * The {@link BackRef} field of the target model that lists the rows pointing at it. The target
     * must declare it (a {@code Relation<ThisModel>}, or a {@code Ref<ThisModel>} when
     * {@link #unique()}); Ferro refuses to start otherwise. An empty name declares no reverse side.
     */
    String relatedName();

    /** What deleting the target does to this row; {@link OnDelete#CASCADE} unless given. */
    OnDelete onDelete() default OnDelete.CASCADE;

    /**
     * Whether the row may point at nothing. A required foreign key that is null (or a
     * {@code Ref.of} an unsaved model) fails validation before the write.
     */
    boolean nullable() default false;

    /** One-to-one: at most one row may point at each target, and the reverse side is a {@code Ref}. */
    boolean unique() default false;

    /** Whether to index the column (a unique column is indexed by its constraint already). */
    boolean index() default true;
}
