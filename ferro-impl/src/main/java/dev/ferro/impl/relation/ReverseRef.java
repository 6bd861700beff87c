package dev.ferro.impl.relation;

import dev.ferro.Ref;
import dev.ferro.impl.metadata.ResolvedRelation;

/**
 * The reverse side of a one-to-one ({@code @BackRef Ref<T>}): the row whose unique foreign key
 * points at the owner, loaded on the first {@link #get()} (or by prefetch) and kept, null when none.
 */
public final class ReverseRef<T> implements Ref<T> {
    private final RelationRuntime runtime;
    private final ResolvedRelation relation;
    private final Object ownerKey;
    private boolean loaded;
    private T value;

    public ReverseRef(RelationRuntime runtime, ResolvedRelation relation, Object ownerKey) {
        this.runtime = runtime;
        this.relation = relation;
        this.ownerKey = ownerKey;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K> K id() {
        T target = get();
        return target == null ? null : (K) runtime.idOf(target);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T get() {
        if (!loaded) {
            value = (T) runtime.loadReverseOne(relation, ownerKey);
            loaded = true;
        }
        return value;
    }

    /** Prefetch found the row, or found none (null). */
    @SuppressWarnings("unchecked")
    public void resolve(Object found) {
        value = (T) found;
        loaded = true;
    }

    @Override
    public boolean isLoaded() {
        return loaded;
    }

    @Override
    public boolean idKnown() {
        return loaded;
    }

    @Override
    public String toString() {
        return relation + " of " + ownerKey + (loaded ? " = " + value : "");
    }
}
