package dev.ferro.impl;

import dev.ferro.Query;
import dev.ferro.UniqueViolationException;
import dev.ferro.Ref;
import dev.ferro.impl.execution.Executor;
import dev.ferro.impl.hydration.RelationBinder;
import dev.ferro.impl.metadata.FieldMetadata;
import dev.ferro.impl.metadata.JoinTable;
import dev.ferro.impl.metadata.ModelMetadata;
import dev.ferro.impl.metadata.ModelRegistry;
import dev.ferro.impl.metadata.RelationField;
import dev.ferro.impl.metadata.ResolvedRelation;
import dev.ferro.impl.relation.LazyRef;
import dev.ferro.impl.relation.RelationImpl;
import dev.ferro.impl.relation.RelationRuntime;
import dev.ferro.impl.relation.ReverseRef;
import dev.ferro.impl.sql.Dialect;
import dev.ferro.impl.sql.QuerySpec;
import dev.ferro.impl.sql.Statement;
import dev.ferro.impl.sql.ValueBinder;
import dev.ferro.impl.transaction.TransactionManager;
import dev.ferro.impl.transaction.UnitOfWork;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The relations of one Ferro: gives models their {@code Ref} and {@code Relation} handles, bound to a
 * {@link RelationRuntime} ({@link Operations}, which loads and saves the models), and writes what the
 * relations themselves own: the many-to-many links, and the owner of rows created through a relation.
 */
final class Relations {
    private final ModelRegistry registry;
    private final Dialect dialect;
    private final Executor executor;
    private final TransactionManager transactions;
    /** The SQL condition that scopes a relation's query to its owner, per relation, rendered once. */
    private final ConcurrentHashMap<ResolvedRelation, String> scopes = new ConcurrentHashMap<>();

    Relations(ModelRegistry registry, Dialect dialect, Executor executor, TransactionManager transactions) {
        this.registry = registry;
        this.dialect = dialect;
        this.executor = executor;
        this.transactions = transactions;
    }

    /** The binder of one model's rows, whose handles ask {@code runtime}; its relationships resolved now, once. */
    RelationBinder binderFor(ModelMetadata<?> model, RelationRuntime runtime) {
        if (model.foreignKeys().isEmpty() && model.relations().isEmpty()) {
            return RelationBinder.NONE;
        }
        List<RelationField> fields = model.relations();
        ResolvedRelation[] resolved = new ResolvedRelation[fields.size()];
        for (int i = 0; i < resolved.length; i++) {
            resolved[i] = registry.relationship(model.type(), fields.get(i).name());
        }
        return new RelationBinder() {
            @Override
            public Object ref(FieldMetadata foreignKey, Object key) {
                return new LazyRef<>(runtime, foreignKey.foreignKey().target(), key);
            }

            @Override
            public void bind(Object instance, Object id) {
                for (int i = 0; i < resolved.length; i++) {
                    fields.get(i).set(instance, handle(runtime, resolved[i], id));
                }
            }

            @Override
            public void written(Object instance, Object id) {
                for (FieldMetadata foreignKey : model.foreignKeys()) {
                    Object ref = foreignKey.fieldValue(instance);
                    if (ref != null && !(ref instanceof LazyRef<?>)) {
                        LazyRef<?> lazy = new LazyRef<>(runtime, foreignKey.foreignKey().target(), foreignKey.get(instance));
                        Ref<?> given = (Ref<?>) ref;
                        if (given.isLoaded()) {
                            lazy.resolve(given.get());
                        }
                        foreignKey.set(instance, lazy);
                    }
                }
                for (int i = 0; i < resolved.length; i++) {
                    if (fields.get(i).get(instance) == null) {
                        fields.get(i).set(instance, handle(runtime, resolved[i], id));
                    }
                }
            }
        };
    }

    private static Object handle(RelationRuntime runtime, ResolvedRelation relation, Object ownerKey) {
        return relation.kind() == ResolvedRelation.Kind.REVERSE_ONE
                ? new ReverseRef<>(runtime, relation, ownerKey)
                : new RelationImpl<>(runtime, relation, ownerKey);
    }

    // ---------------------------------------------------------------- a relation's query

    /** What scopes a target's query to one owner's rows: {@link #scopeSql}, with the owner's key bound. */
    QuerySpec.Scope scope(ResolvedRelation relation, Object ownerKey) {
        return new QuerySpec.Scope(scopeSql(relation), ownerKey, dialect.binder(relation.owner().id()));
    }

    /**
     * {@code author_id = ?} for the reverse side of a foreign key;
     * {@code id IN (SELECT tag_id FROM post_tags WHERE post_id = ?)} for a many-to-many.
     */
    private String scopeSql(ResolvedRelation relation) {
        return scopes.computeIfAbsent(relation, r -> {
            if (r.kind() == ResolvedRelation.Kind.JOIN) {
                JoinTable join = r.join();
                return dialect.quote(r.target().id().column()) + " IN (SELECT " + dialect.quote(join.targetColumn())
                        + " FROM " + dialect.quote(join.table()) + " WHERE " + dialect.quote(join.ownerColumn()) + " = ?)";
            }
            return dialect.quote(r.foreignKey().column()) + " = ?";
        });
    }

    /**
     * Inserts models as the owner's, all or none (a savepoint inside the caller's transaction, so that
     * a unique violation leaves it usable): with their foreign key set to the owner (reverse side of a
     * foreign key), or linked to it after the insert (many-to-many). {@code targets} is the target
     * model's own query, not the relation's, whose creates come here; the owner's {@code Ref} asks {@code runtime}.
     */
    <T> List<T> createIn(RelationRuntime runtime, ResolvedRelation relation, Object ownerKey, Query<T> targets, List<T> models) {
        if (relation.kind() == ResolvedRelation.Kind.JOIN) {
            return transactions.transaction(() -> {
                List<T> created = targets.createAll(models);
                link(relation, ownerKey, created);
                return created;
            });
        }
        for (T model : models) {
            relation.foreignKey().set(model, new LazyRef<>(runtime, relation.owner().type(), ownerKey));
        }
        return targets.createAll(models);
    }

    // ---------------------------------------------------------------- many-to-many links

    void link(ResolvedRelation relation, Object ownerKey, Collection<?> targets) {
        Set<Object> keys = keys(relation, targets, "link");
        if (keys.isEmpty()) {
            return;
        }
        JoinTable join = relation.join();
        String sql = "INSERT INTO " + dialect.quote(join.table()) + " (" + dialect.quote(join.ownerColumn()) + ", "
                + dialect.quote(join.targetColumn()) + ") VALUES (?, ?)";
        ValueBinder ownerBinder = dialect.binder(join.ownerId());
        ValueBinder targetBinder = dialect.binder(join.targetId());
        String action = "link " + relation + " of " + ownerKey + " to " + relation.target().name() + " " + keys;
        try {
            transactions.allOrNothing(unit -> executor.execute(unit.connection(), sql, keys.size(), Executor.PLAIN, statement -> {
                for (Object key : keys) {
                    ownerBinder.bind(statement, 1, ownerKey);
                    targetBinder.bind(statement, 2, key);
                    statement.addBatch();
                }
                return statement.executeBatch();
            }, relation.owner(), action));
        } catch (UniqueViolationException e) {
            // The join table is no model's, so the translator cannot name its constraint.
            throw new UniqueViolationException("Duplicate link: " + action + " violates unique constraint "
                    + join.uniqueConstraint() + " of " + join.table(), relation.owner().type(), join.uniqueConstraint(),
                    e.getCause());
        }
    }

    void unlink(ResolvedRelation relation, Object ownerKey, Collection<?> targets) {
        Set<Object> keys = keys(relation, targets, "unlink");
        if (keys.isEmpty()) {
            return;
        }
        JoinTable join = relation.join();
        StringBuilder sql = new StringBuilder("DELETE FROM ").append(dialect.quote(join.table())).append(" WHERE ")
                .append(dialect.quote(join.ownerColumn())).append(" = ? AND ").append(dialect.quote(join.targetColumn())).append(" IN (");
        Object[] values = new Object[keys.size() + 1];
        ValueBinder[] binders = new ValueBinder[values.length];
        values[0] = ownerKey;
        binders[0] = dialect.binder(join.ownerId());
        int i = 1;
        for (Object key : keys) {
            sql.append(i == 1 ? "?" : ", ?");
            values[i] = key;
            binders[i++] = dialect.binder(join.targetId());
        }
        Statement statement = new Statement(sql.append(')').toString(), values, binders);
        transactions.run(unit -> executor.update(unit.connection(), statement, relation.owner(), "unlink " + relation));
    }

    void unlinkAll(ResolvedRelation relation, Object ownerKey) {
        transactions.run(unit -> unlinkAll(unit, relation, ownerKey));
    }

    private int unlinkAll(UnitOfWork unit, ResolvedRelation relation, Object ownerKey) {
        JoinTable join = relation.join();
        Statement statement = new Statement("DELETE FROM " + dialect.quote(join.table()) + " WHERE " + dialect.quote(join.ownerColumn())
                + " = ?", new Object[] {ownerKey}, new ValueBinder[] {dialect.binder(join.ownerId())});
        return executor.update(unit.connection(), statement, relation.owner(), "clear " + relation);
    }

    void relink(ResolvedRelation relation, Object ownerKey, Collection<?> targets) {
        keys(relation, targets, "link");
        transactions.allOrNothing(unit -> {
            unlinkAll(unit, relation, ownerKey);
            link(relation, ownerKey, targets);
            return null;
        });
    }

    /** The targets' ids, in order, without repeats; a target without an id, or of another model, is an error. */
    private Set<Object> keys(ResolvedRelation relation, Collection<?> targets, String operation) {
        Set<Object> keys = new LinkedHashSet<>();
        FieldMetadata targetId = relation.target().id();
        for (Object target : targets) {
            if (!relation.target().type().isInstance(target)) {
                throw new IllegalArgumentException("Cannot " + operation + " " + relation + " to a "
                        + target.getClass().getSimpleName() + "; it holds " + relation.target().name() + " rows");
            }
            Object key = targetId.get(target);
            if (targetId.isUnset(key)) {
                throw new IllegalArgumentException("Cannot " + operation + " " + relation + " to a " + relation.target().name()
                        + " whose id is not set: save it first");
            }
            keys.add(key);
        }
        return keys;
    }

    /** The relationships a prefetch path walks, each checked against the model it starts from. */
    List<ResolvedRelation> path(Class<?> start, List<dev.ferro.Relationship<?, ?>> steps) {
        List<ResolvedRelation> path = new ArrayList<>();
        Class<?> model = start;
        for (dev.ferro.Relationship<?, ?> step : steps) {
            if (step.model() != model) {
                throw new IllegalArgumentException("Cannot prefetch " + step.model().getSimpleName() + "." + step.name()
                        + " from " + model.getSimpleName() + ": a path's next step must start where the last one ends");
            }
            ResolvedRelation relation = registry.relationship(model, step.name());
            if (relation == null) {
                throw new IllegalArgumentException(model.getSimpleName() + "." + step.name() + " is not a relation of "
                        + model.getSimpleName());
            }
            path.add(relation);
            model = relation.target().type();
        }
        return path;
    }
}
