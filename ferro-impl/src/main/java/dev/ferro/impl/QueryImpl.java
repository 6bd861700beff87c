package dev.ferro.impl;

import dev.ferro.Aggregate;
import dev.ferro.Assignment;
import dev.ferro.Attribute;
import dev.ferro.Condition;
import dev.ferro.Created;
import dev.ferro.Expression;
import dev.ferro.IntegralAttribute;
import dev.ferro.InvalidQueryException;
import dev.ferro.NumericAttribute;
import dev.ferro.Order;
import dev.ferro.Page;
import dev.ferro.Prefetch;
import dev.ferro.Projection;
import dev.ferro.Query;
import dev.ferro.RefAttribute;
import dev.ferro.RowLock;
import dev.ferro.Selection;
import dev.ferro.SortableAttribute;
import dev.ferro.UniqueViolationException;
import dev.ferro.impl.sql.QuerySpec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * An immutable query: each builder call copies the {@link QuerySpec}; terminals hand it to
 * {@link ModelOperations}. A relation's query ({@code user.posts}, and every query built from it)
 * also carries its {@link Owner}, which makes the rows it creates the owner's.
 */
final class QueryImpl<M> implements Query<M> {
    private final ModelOperations<M> operations;
    private final QuerySpec<M> spec;
    /** Null for a model's own query. */
    private final Owner<M> owner;
    /** Whether the rows start after, or end before, a page's cursor: what {@link #page} reads and tells. */
    private final Direction direction;

    private enum Direction { FIRST, AFTER, BEFORE }

    /** Inserts models as one owner's, all or none: their foreign key set to it, or linked to it. */
    @FunctionalInterface
    interface Owner<M> {
        List<M> create(List<M> models);
    }

    QueryImpl(ModelOperations<M> operations, QuerySpec<M> spec) {
        this(operations, spec, null);
    }

    private QueryImpl(ModelOperations<M> operations, QuerySpec<M> spec, Owner<M> owner) {
        this(operations, spec, owner, Direction.FIRST);
    }

    private QueryImpl(ModelOperations<M> operations, QuerySpec<M> spec, Owner<M> owner, Direction direction) {
        this.operations = operations;
        this.spec = spec;
        this.owner = owner;
        this.direction = direction;
    }

    @Override
    public Class<M> model() {
        return operations.model().type();
    }

    @Override
    public Query<M> where(Condition<M> condition) {
        return with(spec.where(Objects.requireNonNull(condition, "condition")));
    }

    @Override
    public Query<M> orderBy(List<Order<M>> orders) {
        orders.forEach(order -> Objects.requireNonNull(order, "order"));
        return with(spec.orderBy(orders));
    }

    @Override
    public Query<M> limit(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("limit must be >= 0, got " + count);
        }
        return with(spec.limit(count));
    }

    @Override
    public Query<M> offset(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("offset must be >= 0, got " + count);
        }
        return with(spec.offset(count));
    }

    @Override
    public Query<M> prefetch(List<Prefetch<M>> paths) {
        for (Prefetch<M> path : paths) {
            operations.checkPrefetch(Objects.requireNonNull(path, "prefetch path"));
        }
        return with(spec.prefetch(paths));
    }

    @Override
    public Query<M> join(RefAttribute<M, ?> relation) {
        return with(spec.join(Objects.requireNonNull(relation, "relation")));
    }

    @Override
    public Query<M> forUpdate(RowLock lock) {
        return with(spec.lock(Objects.requireNonNull(lock, "lock")));
    }

    @Override
    public Query<M> groupBy(List<? extends Attribute<M, ?>> columns) {
        Objects.requireNonNull(columns, "columns");
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("groupBy(...) of " + model().getSimpleName() + " needs at least one column");
        }
        columns.forEach(column -> Objects.requireNonNull(column, "column"));
        return with(spec.groupBy(columns));
    }

    @Override
    public Query<M> having(Condition<M> condition) {
        return with(spec.having(Objects.requireNonNull(condition, "condition")));
    }

    @Override
    public Page<M> page(int size) {
        return operations.pages().page(operations, spec, size, direction == Direction.BEFORE, direction != Direction.FIRST);
    }

    @Override
    public Query<M> after(String cursor) {
        return new QueryImpl<>(operations, operations.pages().from(spec, cursor, false), owner, Direction.AFTER);
    }

    @Override
    public Query<M> before(String cursor) {
        return new QueryImpl<>(operations, operations.pages().from(spec, cursor, true), owner, Direction.BEFORE);
    }

    @Override
    public List<M> all() {
        refuseGrouped("all");
        if (spec.hasLimit() && spec.limit() == 0) {
            return List.of();
        }
        return operations.list(spec);
    }

    @Override
    public Stream<M> stream() {
        refuseGrouped("stream");
        if (spec.hasLimit() && spec.limit() == 0) {
            return Stream.empty();
        }
        return operations.stream(spec);
    }

    @Override
    public Optional<M> first() {
        refuseGrouped("first");
        if (spec.hasLimit() && spec.limit() == 0) {
            return Optional.empty();
        }
        return operations.first(spec);
    }

    @Override
    public M one() {
        refuseGrouped("one");
        return operations.one(spec);
    }

    @Override
    public M get(Object id) {
        return find(id).orElseThrow(() -> new dev.ferro.ModelNotFoundException(model(), id));
    }

    @Override
    public Optional<M> find(Object id) {
        refuseGrouped("find");
        return operations.find(spec, id);
    }

    @Override
    public <V> Projection<V> select(Expression<M, V> column) {
        return operations.projections().column(spec, column);
    }

    @Override
    public Selection<M> select(List<? extends Expression<M, ?>> columns) {
        return operations.projections().selection(spec, columns);
    }

    @Override
    public <N extends Number & Comparable<? super N>> Optional<Long> sum(IntegralAttribute<M, N> column) {
        return value(Aggregate.sum(column));
    }

    @Override
    public <N extends Number & Comparable<? super N>> Optional<N> sum(NumericAttribute<M, N> column) {
        return value(Aggregate.sum(column));
    }

    @Override
    public <N extends Number & Comparable<? super N>> Optional<Double> avg(IntegralAttribute<M, N> column) {
        return value(Aggregate.avg(column));
    }

    @Override
    public <N extends Number & Comparable<? super N>> Optional<N> avg(NumericAttribute<M, N> column) {
        return value(Aggregate.avg(column));
    }

    @Override
    public <T extends Comparable<? super T>> Optional<T> min(SortableAttribute<M, T> column) {
        return value(Aggregate.min(column));
    }

    @Override
    public <T extends Comparable<? super T>> Optional<T> max(SortableAttribute<M, T> column) {
        return value(Aggregate.max(column));
    }

    /** The one value of an aggregate over the query's rows; empty when SQL's is NULL. */
    private <V> Optional<V> value(Aggregate<M, V> aggregate) {
        return Optional.ofNullable(operations.projections().single(spec, aggregate));
    }

    @Override
    public long countDistinct(Attribute<M, ?> column) {
        return operations.projections().single(spec, Aggregate.countDistinct(column));
    }

    @Override
    public long count() {
        refuseLock("count");
        return operations.count(spec);
    }

    @Override
    public boolean exists() {
        refuseLock("exists");
        return operations.exists(spec);
    }

    @Override
    public M create(M model) {
        Objects.requireNonNull(model, "model");
        return owner != null ? owner.create(List.of(model)).get(0) : operations.insert(model);
    }

    @Override
    public List<M> createAll(List<M> models) {
        models.forEach(model -> Objects.requireNonNull(model, "createAll got a null model"));
        return owner != null ? owner.create(List.copyOf(models)) : operations.insertAll(models);
    }

    @Override
    public Created<M> getOrCreate(Supplier<M> factory) {
        refuseGrouped("getOrCreate");
        Optional<M> found = first();
        if (found.isPresent()) {
            return new Created<>(found.get(), false);
        }
        M candidate = Objects.requireNonNull(factory.get(), "getOrCreate factory returned null");
        operations.conformToFilter(spec, candidate, "getOrCreate");
        try {
            return new Created<>(insertRecoverable(candidate), true);
        } catch (UniqueViolationException raced) {
            // Another caller inserted the same row between our SELECT and INSERT: theirs is the answer.
            return new Created<>(first().orElseThrow(() -> raced), false);
        }
    }

    /**
     * Inserts so that a unique violation leaves the current transaction usable: a savepoint inside
     * one (the owner's insert, all or none, takes one too), its own statement outside.
     */
    private M insertRecoverable(M candidate) {
        return owner != null ? owner.create(List.of(candidate)).get(0) : operations.insertRecoverable(candidate);
    }

    @Override
    public Created<M> updateOrCreate(Supplier<M> factory, Consumer<M> changes) {
        refuseGrouped("updateOrCreate");
        Optional<M> found = first();
        if (found.isPresent()) {
            changes.accept(found.get());
            return new Created<>(operations.save(found.get()), false);
        }
        M candidate = Objects.requireNonNull(factory.get(), "updateOrCreate factory returned null");
        changes.accept(candidate);
        operations.conformToFilter(spec, candidate, "updateOrCreate");
        try {
            return new Created<>(insertRecoverable(candidate), true);
        } catch (UniqueViolationException raced) {
            M winner = first().orElseThrow(() -> raced);
            changes.accept(winner);
            return new Created<>(operations.save(winner), false);
        }
    }

    @Override
    public long update(List<Assignment<M>> assignments) {
        if (assignments.isEmpty()) {
            throw new IllegalArgumentException("update() needs at least one assignment, such as User_.active.set(false)");
        }
        refuseGrouped("update");
        requireUnpaged("update");
        refuseLock("update");
        assignments.forEach(assignment -> Objects.requireNonNull(assignment, "assignment"));
        return operations.bulkUpdate(spec, List.copyOf(assignments));
    }

    @Override
    public long delete() {
        refuseGrouped("delete");
        requireUnpaged("delete");
        refuseLock("delete");
        return operations.bulkDelete(spec);
    }

    @Override
    public void delete(Object id) {
        refuseGrouped("delete");
        requireUnpaged("delete");
        refuseLock("delete");
        operations.deleteById(spec, id);
    }

    /** A lock is for reads of rows: an update or delete locks its rows anyway, and a count has none to lock. */
    private void refuseLock(String operation) {
        if (spec.lock() != null) {
            throw new InvalidQueryException(operation + "() on a forUpdate() query of " + model().getSimpleName()
                    + " is refused: forUpdate() locks the rows that all(), stream(), first(), one(), get() and find() read"
                    + (operation.equals("update") || operation.equals("delete") ? "; " + operation + "() locks its rows itself" : ""));
        }
    }

    /** A grouped query's rows are groups: they have values to select, and no models to read, change or delete. */
    private void refuseGrouped(String operation) {
        if (spec.grouped()) {
            throw new InvalidQueryException(operation + "() on a query of " + model().getSimpleName() + " grouped by "
                    + spec.groupBy() + " is refused: its rows are groups, read with select(...), count() or exists()");
        }
    }

    private void requireUnpaged(String operation) {
        if (spec.paged() || !spec.orders().isEmpty()) {
            throw new InvalidQueryException(operation + "() on a query of " + model().getSimpleName()
                    + " with limit, offset or orderBy is refused: it would " + operation
                    + " every row matching the filters, not just that page. Select the ids first, then "
                    + operation + " where id in (...).");
        }
    }

    ModelOperations<M> operations() {
        return operations;
    }

    /** This model's query, scoped to a relation's owner, whose rows {@code owner} creates. */
    QueryImpl<M> scoped(QuerySpec.Scope scope, Owner<M> owner) {
        return new QueryImpl<>(operations, QuerySpec.<M>all().scope(scope), owner);
    }

    private Query<M> with(QuerySpec<M> next) {
        return new QueryImpl<>(operations, next, owner, direction);
    }

    @Override
    public String toString() {
        return "Query<" + model().getSimpleName() + ">" + spec;
    }
}
