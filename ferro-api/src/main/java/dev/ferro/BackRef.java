package dev.ferro;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The reverse side of a {@link ForeignKey}: the rows of another model that point at this one. No
 * column is stored. The field is a {@link Relation} (one-to-many), or a {@link Ref} when the foreign
 * key is {@link ForeignKey#unique() unique} (one-to-one: one row or none). Its name is the foreign
 * key's {@link ForeignKey#relatedName()}.
 *
 * <pre>{@code
 * @BackRef public Relation<Post> posts;     // Post declares @ForeignKey(relatedName = "posts") Ref<User> author
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface BackRef {
}
