package dev.ferro.impl;

import dev.ferro.Prefetch;
import dev.ferro.impl.metadata.FieldMetadata;
import dev.ferro.impl.metadata.ResolvedRelation;
import dev.ferro.impl.relation.LazyRef;
import dev.ferro.impl.relation.RelationImpl;
import dev.ferro.impl.relation.ReverseRef;
import dev.ferro.impl.transaction.UnitOfWork;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads the relations of rows already read, one level at a time: per relation, one
 * {@code ... IN (keys)} query for every row together (one per {@code Dialect.maxInListKeys()} keys), then the
 * results are attached to each row's {@code Ref} or {@code Relation}. A nested path goes on from
 * the targets just loaded. Everything runs in the unit of work the rows were read in.
 */
final class Prefetcher {
    private final FerroImpl ferro;
    private final Relations relations;
    /**
     * Keys per statement ({@link dev.ferro.impl.sql.Dialect#maxInListKeys()}): under the database's
     * cap on bound parameters, so large sets take several statements.
     */
    private final int chunk;

    Prefetcher(FerroImpl ferro, Relations relations, int chunk) {
        this.ferro = ferro;
        this.relations = relations;
        this.chunk = chunk;
    }

    /** Resolves a path against the model it starts from; throws when a step does not fit. */
    void check(Class<?> model, Prefetch<?> path) {
        relations.path(model, path.steps());
    }

    <M> void prefetch(UnitOfWork unit, Class<M> model, List<M> rows, List<Prefetch<M>> paths) {
        List<List<ResolvedRelation>> resolved = new ArrayList<>();
        for (Prefetch<M> path : paths) {
            resolved.add(relations.path(model, path.steps()));
        }
        load(unit, rows, resolved);
    }

    /** Loads the first step of every path over {@code rows}, then the rest of each from the targets found. */
    private void load(UnitOfWork unit, List<?> rows, List<List<ResolvedRelation>> paths) {
        if (rows.isEmpty()) {
            return;
        }
        Map<ResolvedRelation, List<List<ResolvedRelation>>> byFirstStep = new LinkedHashMap<>();
        for (List<ResolvedRelation> path : paths) {
            List<List<ResolvedRelation>> rests = byFirstStep.computeIfAbsent(path.get(0), step -> new ArrayList<>());
            if (path.size() > 1) {
                rests.add(path.subList(1, path.size()));
            }
        }
        for (Map.Entry<ResolvedRelation, List<List<ResolvedRelation>>> step : byFirstStep.entrySet()) {
            List<Object> targets = switch (step.getKey().kind()) {
                case FORWARD -> forward(unit, step.getKey(), rows);
                case REVERSE_MANY, REVERSE_ONE -> reverse(unit, step.getKey(), rows);
                case JOIN -> joined(unit, step.getKey(), rows, !step.getValue().isEmpty());
            };
            if (!step.getValue().isEmpty()) {
                load(unit, targets, step.getValue());
            }
        }
    }

    /** {@code post.author}: the targets by the rows' keys. */
    private List<Object> forward(UnitOfWork unit, ResolvedRelation relation, List<?> rows) {
        FieldMetadata foreignKey = relation.foreignKey();
        Set<Object> keys = new LinkedHashSet<>();
        for (Object row : rows) {
            Object key = foreignKey.get(row);
            if (key != null) {
                keys.add(key);
            }
        }
        ModelOperations<?> targets = ferro.operations(relation.target().type());
        FieldMetadata targetId = relation.target().id();
        Map<Object, Object> byKey = new HashMap<>();
        for (List<Object> chunk : chunks(keys)) {
            for (Object target : targets.selectIn(unit, targetId, chunk)) {
                byKey.put(targetId.get(target), target);
            }
        }
        for (Object row : rows) {
            if (foreignKey.fieldValue(row) instanceof LazyRef<?> ref) {
                Object target = byKey.get(ref.id());
                if (target != null) {
                    ref.resolve(target);
                }
            }
        }
        return new ArrayList<>(byKey.values());
    }

    /** {@code user.posts} or {@code user.profile}: the target rows whose foreign key holds a row's id. */
    private List<Object> reverse(UnitOfWork unit, ResolvedRelation relation, List<?> rows) {
        FieldMetadata ownerId = relation.owner().id();
        FieldMetadata foreignKey = relation.foreignKey();
        ModelOperations<?> targets = ferro.operations(relation.target().type());
        Map<Object, List<Object>> byOwner = new HashMap<>(capacity(rows.size()));
        List<Object> found = new ArrayList<>();
        for (List<Object> chunk : chunks(keysOf(rows, ownerId))) {
            for (Object target : targets.selectIn(unit, foreignKey, chunk)) {
                byOwner.computeIfAbsent(foreignKey.get(target), key -> new ArrayList<>()).add(target);
                found.add(target);
            }
        }
        attach(relation, rows, ownerId, byOwner);
        return found;
    }

    /**
     * {@code post.tags}: the target rows linked to each row through the join table; the distinct
     * targets are collected only when a nested path goes on from them ({@code nested}), since every
     * link row would otherwise cost an identity-map entry for nothing.
     */
    private List<Object> joined(UnitOfWork unit, ResolvedRelation relation, List<?> rows, boolean nested) {
        FieldMetadata ownerId = relation.owner().id();
        ModelOperations<?> targets = ferro.operations(relation.target().type());
        Map<Object, List<Object>> byOwner = new HashMap<>(capacity(rows.size()));
        Map<Object, Boolean> distinct = new IdentityHashMap<>();
        for (List<Object> chunk : chunks(keysOf(rows, ownerId))) {
            targets.selectLinked(unit, relation.join(), chunk, (ownerKey, target) -> {
                byOwner.computeIfAbsent(ownerKey, key -> new ArrayList<>()).add(target);
                if (nested) {
                    distinct.put(target, Boolean.TRUE);
                }
            });
        }
        attach(relation, rows, ownerId, byOwner);
        return new ArrayList<>(distinct.keySet());
    }

    /** A hash map capacity that holds {@code size} entries without growing. */
    private static int capacity(int size) {
        return Math.max(16, (int) (size / 0.75f) + 1);
    }

    private static void attach(ResolvedRelation relation, List<?> rows, FieldMetadata ownerId, Map<Object, List<Object>> byOwner) {
        for (Object row : rows) {
            List<Object> related = byOwner.getOrDefault(ownerId.get(row), List.of());
            Object handle = relation.field().get(row);
            if (handle instanceof RelationImpl<?> many) {
                many.resolve(related);
            } else if (handle instanceof ReverseRef<?> one) {
                one.resolve(related.isEmpty() ? null : related.get(0));
            }
        }
    }

    private static Set<Object> keysOf(List<?> rows, FieldMetadata id) {
        Set<Object> keys = new LinkedHashSet<>(capacity(rows.size()));
        for (Object row : rows) {
            keys.add(id.get(row));
        }
        return keys;
    }

    private List<List<Object>> chunks(Set<Object> keys) {
        List<List<Object>> chunks = new ArrayList<>();
        List<Object> current = new ArrayList<>(Math.min(keys.size(), chunk));
        for (Object key : keys) {
            current.add(key);
            if (current.size() == chunk) {
                chunks.add(current);
                current = new ArrayList<>(chunk);
            }
        }
        if (!current.isEmpty()) {
            chunks.add(padded(current));
        }
        return chunks;
    }

    /**
     * The last chunk, its length rounded up to a power of two (or the chunk size) by repeating its
     * last key: the IN list matches the same rows, and a model has a few dozen prefetch statement
     * shapes to render and cache instead of one per length.
     */
    private List<Object> padded(List<Object> keys) {
        int size = Math.min(Integer.highestOneBit(keys.size() - 1) << 1, chunk);
        Object last = keys.get(keys.size() - 1);
        while (keys.size() < size) {
            keys.add(last);
        }
        return keys;
    }
}
