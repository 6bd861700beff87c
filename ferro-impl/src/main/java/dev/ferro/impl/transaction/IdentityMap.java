package dev.ferro.impl.transaction;

import java.util.HashMap;
import java.util.Map;

/**
 * One instance per primary key and model within a unit of work. Used by one thread at a time
 * (the unit of work's), so it needs no locking.
 */
public final class IdentityMap {
    private final Map<Class<?>, Map<Object, Object>> byModel = new HashMap<>();

    public <M> M get(Class<M> model, Object id) {
        Map<Object, Object> instances = byModel.get(model);
        return instances == null ? null : model.cast(instances.get(id));
    }

    public void put(Class<?> model, Object id, Object instance) {
        byModel.computeIfAbsent(model, k -> new HashMap<>()).put(id, instance);
    }

    public void remove(Class<?> model, Object id) {
        Map<Object, Object> instances = byModel.get(model);
        if (instances != null) {
            instances.remove(id);
        }
    }

    /** After a bulk update or delete the cached instances of that model may be stale. */
    public void evict(Class<?> model) {
        byModel.remove(model);
    }

    public void clear() {
        byModel.clear();
    }

    public int size() {
        return byModel.values().stream().mapToInt(Map::size).sum();
    }
}
