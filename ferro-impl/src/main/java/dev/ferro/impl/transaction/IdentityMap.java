package dev.ferro.impl.transaction;

import java.util.HashMap;
import java.util.Map;

/**
 * One instance per primary key and model within a unit of work. Used by one thread at a time
 * (the unit of work's), so it needs no locking.
 */
public final class IdentityMap {
    private final Map<Class<?>, Map<Object, Object>> byModel = new HashMap<>();
    /**
     * The instances of the model asked for last: rows come in runs of one model (a query, a
     * prefetch level), so most calls skip the lookup by class.
     */
    private Class<?> lastModel;
    private Map<Object, Object> lastInstances;

    public <M> M get(Class<M> model, Object id) {
        Map<Object, Object> instances = instances(model);
        return instances == null ? null : model.cast(instances.get(id));
    }

    public void put(Class<?> model, Object id, Object instance) {
        Map<Object, Object> instances = instances(model);
        if (instances == null) {
            instances = new HashMap<>();
            byModel.put(model, instances);
            lastModel = model;
            lastInstances = instances;
        }
        instances.put(id, instance);
    }

    private Map<Object, Object> instances(Class<?> model) {
        if (model != lastModel) {
            lastInstances = byModel.get(model);
            lastModel = model;
        }
        return lastInstances;
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
        lastModel = null;
        lastInstances = null;
    }

    public void clear() {
        byModel.clear();
        lastModel = null;
        lastInstances = null;
    }

    public int size() {
        return byModel.values().stream().mapToInt(Map::size).sum();
    }
}
