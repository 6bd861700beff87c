package dev.ferro.impl.relation;

import dev.ferro.Query;
import dev.ferro.impl.metadata.ResolvedRelation;

import java.util.Collection;
import java.util.List;

/** What the relation handles ask of the Ferro that made them; each call runs in the caller's current unit of work. */
public interface RelationRuntime {

    /** The row of {@code target} with this key, through the identity map. */
    <T> T load(Class<T> target, Object key);

    /** The one row whose unique foreign key holds {@code ownerKey}, or null. */
    Object loadReverseOne(ResolvedRelation relation, Object ownerKey);

    /** The query of a relation's rows: the target's query, scoped to the owner. */
    <T> Query<T> scoped(ResolvedRelation relation, Object ownerKey);

    /** {@code ferro.save(model)}. */
    <T> T save(T model);

    /** The id of a model instance. */
    Object idOf(Object model);

    /** Inserts links from the owner to these targets, all or none. */
    void link(ResolvedRelation relation, Object ownerKey, Collection<?> targets);

    /** Deletes the links from the owner to these targets. */
    void unlink(ResolvedRelation relation, Object ownerKey, Collection<?> targets);

    /** Deletes every link of the owner. */
    void unlinkAll(ResolvedRelation relation, Object ownerKey);

    /** Makes the owner's links exactly these, in one transaction. */
    void relink(ResolvedRelation relation, Object ownerKey, Collection<?> targets);
}
