package dev.ferro.impl.relation;

import dev.ferro.Ref;

import java.util.Objects;

/**
 * The {@link Ref} of a foreign key read from the database or written through Ferro: the key is
 * known; the target is loaded on the first {@link #get()} and kept. Used by one thread at a time,
 * like the model that holds it.
 */
public final class LazyRef<T> implements Ref<T> {
    private final RelationRuntime runtime;
    private final Class<T> target;
    private final Object key;
    private T value;

    public LazyRef(RelationRuntime runtime, Class<T> target, Object key) {
        this.runtime = runtime;
        this.target = target;
        this.key = Objects.requireNonNull(key, "key");
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K> K id() {
        return (K) key;
    }

    @Override
    public T get() {
        if (value == null) {
            value = runtime.load(target, key);
        }
        return value;
    }

    /** Prefetch found the target. */
    public void resolve(Object loaded) {
        value = target.cast(loaded);
    }

    @Override
    public boolean isLoaded() {
        return value != null;
    }

    @Override
    public boolean idKnown() {
        return true;
    }

    /** Refs are equal when they point at the same key (a {@code Ref.of} a model compares by that model instead). */
    @Override
    public boolean equals(Object other) {
        if (other instanceof LazyRef<?> lazy) {
            return lazy.target == target && lazy.key.equals(key);
        }
        return other instanceof Ref<?> ref && !ref.isLoaded() && key.equals(ref.id());
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return "Ref<" + target.getSimpleName() + ">(" + key + (value != null ? ", loaded)" : ")");
    }
}
