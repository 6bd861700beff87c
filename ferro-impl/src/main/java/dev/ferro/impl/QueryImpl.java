package dev.ferro.impl;

import dev.ferro.Assignment;
import dev.ferro.Condition;
import dev.ferro.Created;
import dev.ferro.InvalidQueryException;
import dev.ferro.Order;
import dev.ferro.Prefetch;
import dev.ferro.Query;
import dev.ferro.UniqueViolationException;
import dev.ferro.impl.sql.QuerySpec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** An immutable query: each builder call copies the {@link QuerySpec}; terminals hand it to {@link ModelOperations}. */
final class QueryImpl<M> implements Query<M> {
    private final ModelOperations<M> operations;
    private final QuerySpec<M> spec;

    QueryImpl(ModelOperations<M> operations, QuerySpec<M> spec) {
        this.operations = operations;
        this.spec = spec;
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
    public List<M> all() {
        if (spec.hasLimit() && spec.limit() == 0) {
            return List.of();
        }
        return operations.list(spec);
    }

    @Override
    public Stream<M> stream() {
        if (spec.hasLimit() && spec.limit() == 0) {
            return Stream.empty();
        }
        return operations.stream(spec);
    }

    @Override
    public Optional<M> first() {
        if (spec.hasLimit() && spec.limit() == 0) {
            return Optional.empty();
        }
        return operations.first(spec);
    }

    @Override
    public M one() {
        return operations.one(spec);
    }

    @Override
    public M get(Object id) {
        return find(id).orElseThrow(() -> new dev.ferro.ModelNotFoundException(model(), id));
    }

    @Override
    public Optional<M> find(Object id) {
        return operations.find(spec, id);
    }

    @Override
    public long count() {
        return operations.count(spec);
    }

    @Override
    public boolean exists() {
        return operations.exists(spec);
    }

    @Override
    public M create(M model) {
        return operations.insert(Objects.requireNonNull(model, "model"));
    }

    @Override
    public List<M> createAll(List<M> models) {
        models.forEach(model -> Objects.requireNonNull(model, "createAll got a null model"));
        return operations.insertAll(models);
    }

    @Override
    public Created<M> getOrCreate(Supplier<M> factory) {
        Optional<M> found = first();
        if (found.isPresent()) {
            return new Created<>(found.get(), false);
        }
        M candidate = Objects.requireNonNull(factory.get(), "getOrCreate factory returned null");
        try {
            return new Created<>(operations.insertRecoverable(candidate), true);
        } catch (UniqueViolationException raced) {
            // Another caller inserted the same row between our SELECT and INSERT: theirs is the answer.
            return new Created<>(first().orElseThrow(() -> raced), false);
        }
    }

    @Override
    public Created<M> updateOrCreate(Supplier<M> factory, Consumer<M> changes) {
        Optional<M> found = first();
        if (found.isPresent()) {
            changes.accept(found.get());
            return new Created<>(operations.save(found.get()), false);
        }
        M candidate = Objects.requireNonNull(factory.get(), "updateOrCreate factory returned null");
        changes.accept(candidate);
        try {
            return new Created<>(operations.insertRecoverable(candidate), true);
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
        requireUnpaged("update");
        assignments.forEach(assignment -> Objects.requireNonNull(assignment, "assignment"));
        return operations.bulkUpdate(spec, List.copyOf(assignments));
    }

    @Override
    public long delete() {
        requireUnpaged("delete");
        return operations.bulkDelete(spec);
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

    /** This model's query, scoped to a relation's owner. */
    QueryImpl<M> scoped(QuerySpec.Scope scope) {
        return new QueryImpl<>(operations, QuerySpec.<M>all().scope(scope));
    }

    private Query<M> with(QuerySpec<M> next) {
        return new QueryImpl<>(operations, next);
    }

    @Override
    public String toString() {
        return "Query<" + model().getSimpleName() + ">" + spec;
    }
}
