package dev.ferro.impl;

import dev.ferro.Prefetch;
import dev.ferro.impl.metadata.FieldMetadata;
import dev.ferro.impl.metadata.ResolvedRelation;
import dev.ferro.impl.relation.LazyRef;
import dev.ferro.impl.relation.RelationImpl;
import dev.ferro.impl.relation.ReverseRef;
import dev.ferro.impl.transaction.UnitOfWork;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
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
    private final Operations operations;
    private final Relations relations;
    /**
     * Keys per statement ({@link dev.ferro.impl.sql.Dialect#maxInListKeys()}): under the database's
     * cap on bound parameters, so large sets take several statements.
     */
    private final int chunk;

    /** The hydrator and statements of a model a join reads beside another ({@link Joins}). */
    ModelOperations<?> target(Class<?> model) {
        return operations.of(model);
    }

    Prefetcher(Operations operations, Relations relations, int chunk) {
        this.operations = operations;
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
        // Each row's Ref is read once (a field read through a method handle): kept here to be resolved below.
        Object[] refs = new Object[rows.size()];
        Set<Object> keys = new LinkedHashSet<>();
        for (int i = 0; i < refs.length; i++) {
            Object ref = foreignKey.fieldValue(rows.get(i));
            refs[i] = ref;
            Object key = foreignKey.foreignKey().keyOf(foreignKey, ref);
            if (key != null) {
                keys.add(key);
            }
        }
        ModelOperations<?> targets = operations.of(relation.target().type());
        FieldMetadata targetId = relation.target().id();
        Map<Object, Object> byKey = new HashMap<>(capacity(keys.size()));
        for (Object[] chunk : chunks(keys)) {
            for (Object target : targets.selectIn(unit, targetId, chunk)) {
                byKey.put(targetId.get(target), target);
            }
        }
        for (Object ref : refs) {
            if (ref instanceof LazyRef<?> lazy) {
                Object target = byKey.get(lazy.id());
                if (target != null) {
                    lazy.resolve(target);
                }
            }
        }
        return new ArrayList<>(byKey.values());
    }

    /** {@code user.posts} or {@code user.profile}: the target rows whose foreign key holds a row's id. */
    private List<Object> reverse(UnitOfWork unit, ResolvedRelation relation, List<?> rows) {
        FieldMetadata ownerId = relation.owner().id();
        FieldMetadata foreignKey = relation.foreignKey();
        ModelOperations<?> targets = operations.of(relation.target().type());
        Map<Object, List<Object>> byOwner = new HashMap<>(capacity(rows.size()));
        List<Object> found = new ArrayList<>();
        List<Object> keys = keysOf(rows, ownerId);
        for (Object[] chunk : chunks(keys)) {
            for (Object target : targets.selectIn(unit, foreignKey, chunk)) {
                byOwner.computeIfAbsent(foreignKey.get(target), key -> new ArrayList<>()).add(target);
                found.add(target);
            }
        }
        attach(relation, rows, keys, byOwner);
        return found;
    }

    /**
     * {@code post.tags}: the target rows linked to each row through the join table; the distinct
     * targets are collected only when a nested path goes on from them ({@code nested}), since every
     * link row would otherwise cost an identity-map entry for nothing.
     */
    private List<Object> joined(UnitOfWork unit, ResolvedRelation relation, List<?> rows, boolean nested) {
        FieldMetadata ownerId = relation.owner().id();
        ModelOperations<?> targets = operations.of(relation.target().type());
        Map<Object, List<Object>> byOwner = new HashMap<>(capacity(rows.size()));
        Map<Object, Boolean> distinct = new IdentityHashMap<>();
        List<Object> keys = keysOf(rows, ownerId);
        for (Object[] chunk : chunks(keys)) {
            targets.selectLinked(unit, relation.join(), chunk, (ownerKey, target) -> {
                byOwner.computeIfAbsent(ownerKey, key -> new ArrayList<>()).add(target);
                if (nested) {
                    distinct.put(target, Boolean.TRUE);
                }
            });
        }
        attach(relation, rows, keys, byOwner);
        return new ArrayList<>(distinct.keySet());
    }

    /** A hash map capacity that holds {@code size} entries without growing. */
    private static int capacity(int size) {
        return Math.max(16, (int) (size / 0.75f) + 1);
    }

    /** Gives each row's relation handle its related rows; {@code keys} holds the rows' ids, in the same order. */
    private static void attach(ResolvedRelation relation, List<?> rows, List<Object> keys, Map<Object, List<Object>> byOwner) {
        for (int i = 0; i < keys.size(); i++) {
            Object row = rows.get(i);
            List<Object> related = byOwner.getOrDefault(keys.get(i), List.of());
            Object handle = relation.field().get(row);
            if (handle instanceof RelationImpl<?> many) {
                many.resolve(related);
            } else if (handle instanceof ReverseRef<?> one) {
                one.resolve(related.isEmpty() ? null : related.get(0));
            }
        }
    }

    /** The rows' ids: distinct, since a query's rows are distinct instances of one table's rows. */
    private static List<Object> keysOf(List<?> rows, FieldMetadata id) {
        List<Object> keys = new ArrayList<>(rows.size());
        for (Object row : rows) {
            keys.add(id.get(row));
        }
        return keys;
    }

    /** The keys in IN lists of at most {@code chunk} keys, the last one {@linkplain #paddedLength padded}. */
    private List<Object[]> chunks(Collection<Object> keys) {
        List<Object[]> chunks = new ArrayList<>(keys.size() / chunk + 1);
        Object[] current = null;
        int filled = 0;
        int left = keys.size();
        for (Object key : keys) {
            if (current == null) {
                current = new Object[left >= chunk ? chunk : paddedLength(left)];
                filled = 0;
            }
            current[filled++] = key;
            left--;
            if (left == 0) {
                Arrays.fill(current, filled, current.length, key);
            }
            if (filled == current.length || left == 0) {
                chunks.add(current);
                current = null;
            }
        }
        return chunks;
    }

    /**
     * The length of the last IN list: its key count rounded up to a power of two (at most the chunk
     * size), the gap filled with its last key. The list matches the same rows, and a model has a few
     * dozen prefetch statement shapes to render and cache instead of one per length.
     */
    private int paddedLength(int keys) {
        return Math.min(keys <= 1 ? 1 : Integer.highestOneBit(keys - 1) << 1, chunk);
    }
}
