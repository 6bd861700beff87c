package dev.ferro.impl.metadata;

/**
 * A relationship of a model with both of its sides known: what prefetch and the lazy handles run.
 *
 * @param foreignKey for {@link Kind#FORWARD}, the owner's foreign-key column; for the reverse kinds,
 *                   the target's foreign-key column that points at the owner; null for {@link Kind#JOIN}
 * @param join       for {@link Kind#JOIN}, the join table seen from the owner; else null
 * @param field      the owner's relation field, null for {@link Kind#FORWARD}
 */
public record ResolvedRelation(Kind kind, ModelMetadata<?> owner, String name, ModelMetadata<?> target,
                               FieldMetadata foreignKey, JoinTable join, RelationField field) {

    public enum Kind {
        /** A {@code @ForeignKey Ref}: one target by the owner's column. */
        FORWARD,
        /** A {@code @BackRef Relation}: the target rows whose foreign key holds the owner's id. */
        REVERSE_MANY,
        /** A {@code @BackRef Ref}: the one target row whose unique foreign key holds the owner's id. */
        REVERSE_ONE,
        /** Either side of a {@code @ManyToMany}. */
        JOIN
    }

    @Override
    public String toString() {
        return owner.name() + "." + name;
    }
}
