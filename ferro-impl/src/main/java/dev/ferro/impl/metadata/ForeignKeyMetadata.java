package dev.ferro.impl.metadata;

import dev.ferro.OnDelete;
import dev.ferro.Ref;

/**
 * What a {@code @ForeignKey} column points at and how the database enforces it.
 *
 * @param target      the target model
 * @param targetTable the target's table, unquoted
 * @param targetId    the target's id field (read on its own, so that models may point at each other)
 * @param relatedName the target's reverse field, empty when none
 * @param constraint  the FOREIGN KEY constraint's name
 */
public record ForeignKeyMetadata(Class<?> target, String targetTable, FieldMetadata targetId, String relatedName,
                                 OnDelete onDelete, boolean unique, String constraint) {

    /**
     * The key a {@code Ref} field holds, typed like the target's id.
     *
     * @throws IllegalArgumentException when the ref points at a model that has no id yet
     */
    public Object keyOf(FieldMetadata field, Object ref) {
        if (ref == null) {
            return null;
        }
        Object key = ((Ref<?>) ref).id();
        if (key == null) {
            throw new IllegalArgumentException(field + " points at a " + target.getSimpleName()
                    + " that has no id yet; save it first");
        }
        return targetId.coerce(key);
    }

    /** Whether {@code key} can be converted to the target's id type. */
    public boolean fits(Object key) {
        try {
            targetId.coerce(key);
            return true;
        } catch (IllegalArgumentException wrongType) {
            return false;
        }
    }
}
