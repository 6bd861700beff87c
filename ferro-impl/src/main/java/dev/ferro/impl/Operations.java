package dev.ferro.impl;

import dev.ferro.Query;
import dev.ferro.impl.execution.Executor;
import dev.ferro.impl.metadata.ModelMetadata;
import dev.ferro.impl.metadata.ModelRegistry;
import dev.ferro.impl.metadata.ResolvedRelation;
import dev.ferro.impl.relation.RelationRuntime;
import dev.ferro.impl.sql.Dialect;
import dev.ferro.impl.sql.ModelSql;
import dev.ferro.impl.sql.QuerySpec;
import dev.ferro.impl.sql.RelatedModels;
import dev.ferro.impl.transaction.TransactionManager;
import dev.ferro.impl.validation.ModelValidator;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every model's {@link ModelOperations}, each with the model's own {@link QueryImpl}, made on the
 * model's first use: where {@link FerroImpl}, the relation handles and {@link Prefetcher} find a
 * model's reads and writes. It is the {@link RelationRuntime} of the handles it binds to rows: a
 * handle that loads its target, or saves, asks the target model's operations here.
 */
final class Operations implements RelationRuntime, RelatedModels {
    private final ModelRegistry registry;
    private final Dialect dialect;
    private final Executor executor;
    private final TransactionManager transactions;
    private final ModelValidator validator;
    private final Relations relations;
    private final int fetchSize;
    private final ConcurrentHashMap<Class<?>, QueryImpl<?>> queries = new ConcurrentHashMap<>();

    Operations(ModelRegistry registry, Dialect dialect, Executor executor, TransactionManager transactions,
               ModelValidator validator, int fetchSize) {
        this.registry = registry;
        this.dialect = dialect;
        this.executor = executor;
        this.transactions = transactions;
        this.validator = validator;
        this.relations = new Relations(registry, dialect, executor, transactions);
        this.fetchSize = fetchSize;
    }

    /** The model's own query: every row, no owner. */
    @SuppressWarnings("unchecked")
    <M> QueryImpl<M> query(Class<M> model) {
        QueryImpl<?> query = queries.get(model);
        if (query == null) {
            // Not computeIfAbsent: binding a model's relations reads (and may query-bind) other models.
            ModelMetadata<M> metadata = registry.get(model);
            query = new QueryImpl<>(new ModelOperations<>(metadata, dialect, executor, transactions, validator,
                    relations.binderFor(metadata, this), new Prefetcher(this, relations, dialect.maxInListKeys()),
                    registry, fetchSize, this), QuerySpec.all());
            QueryImpl<?> raced = queries.putIfAbsent(model, query);
            query = raced != null ? raced : query;
        }
        // The map holds each class's own query.
        return (QueryImpl<M>) query;
    }

    /** The reads and writes of a model class. */
    <M> ModelOperations<M> of(Class<M> model) {
        return query(model).operations();
    }

    @Override
    public ModelSql<?> sql(Class<?> model) {
        return of(model).sql();
    }

    @Override
    public ResolvedRelation relationship(Class<?> model, String name) {
        return registry.relationship(model, name);
    }

    // ---------------------------------------------------------------- what the relation handles ask for

    @Override
    public <T> T load(Class<T> target, Object key) {
        return query(target).get(key);
    }

    @Override
    public Object loadReverseOne(ResolvedRelation relation, Object ownerKey) {
        return scoped(relation, ownerKey).first().orElse(null);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Query<T> scoped(ResolvedRelation relation, Object ownerKey) {
        // The relation's target is T by the relation's declaration.
        QueryImpl<T> targets = query((Class<T>) relation.target().type());
        return targets.scoped(relations.scope(relation, ownerKey),
                models -> relations.createIn(this, relation, ownerKey, targets, models));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T save(T model) {
        return of((Class<T>) model.getClass()).save(model);
    }

    @Override
    public Object idOf(Object model) {
        return registry.get(model.getClass()).id().get(model);
    }

    @Override
    public void link(ResolvedRelation relation, Object ownerKey, Collection<?> targets) {
        relations.link(relation, ownerKey, targets);
    }

    @Override
    public void unlink(ResolvedRelation relation, Object ownerKey, Collection<?> targets) {
        relations.unlink(relation, ownerKey, targets);
    }

    @Override
    public void unlinkAll(ResolvedRelation relation, Object ownerKey) {
        relations.unlinkAll(relation, ownerKey);
    }

    @Override
    public void relink(ResolvedRelation relation, Object ownerKey, Collection<?> targets) {
        relations.relink(relation, ownerKey, targets);
    }
}
