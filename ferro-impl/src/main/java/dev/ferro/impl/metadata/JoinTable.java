package dev.ferro.impl.metadata;

/**
 * A many-to-many's join table, seen from one side: {@code ownerColumn} holds the keys of the side
 * the relation is read from, {@code targetColumn} those of the other side. Both columns are typed
 * like the id they hold. {@code uniqueConstraint} names the unique constraint on the pair.
 */
public record JoinTable(String table, String ownerColumn, FieldMetadata ownerId, String targetColumn, FieldMetadata targetId,
                        String uniqueConstraint) {

    /** The same table seen from the other side. */
    public JoinTable reversed() {
        return new JoinTable(table, targetColumn, targetId, ownerColumn, ownerId, uniqueConstraint);
    }
}
