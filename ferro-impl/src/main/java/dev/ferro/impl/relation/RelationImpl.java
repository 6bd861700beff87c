package dev.ferro.impl.relation;

import dev.ferro.Assignment;
import dev.ferro.Attribute;
import dev.ferro.Condition;
import dev.ferro.Created;
import dev.ferro.Expression;
import dev.ferro.IntegralAttribute;
import dev.ferro.NumericAttribute;
import dev.ferro.Order;
import dev.ferro.Page;
import dev.ferro.Prefetch;
import dev.ferro.Projection;
import dev.ferro.Query;
import dev.ferro.Relation;
import dev.ferro.RowLock;
import dev.ferro.Selection;
import dev.ferro.SortableAttribute;
import dev.ferro.impl.metadata.ResolvedRelation;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A {@link Relation} handle: every query method goes to the target's query scoped to the owner,
 * made on first use (a row read costs one small object per relation field, not a query object).
 * {@link #all()} answers from the prefetched rows when there are some; a change of links drops them.
 */
public final class RelationImpl<T> implements Relation<T> {
    private final RelationRuntime runtime;
    private final ResolvedRelation relation;
    private final Object ownerKey;
    private Query<T> query;
    private List<T> prefetched;

    public RelationImpl(RelationRuntime runtime, ResolvedRelation relation, Object ownerKey) {
        this.runtime = runtime;
        this.relation = relation;
        this.ownerKey = ownerKey;
    }

    /** Prefetch found these rows; the list becomes this relation's, unmodifiable (prefetch keeps no reference to it). */
    @SuppressWarnings("unchecked")
    public void resolve(List<?> rows) {
        prefetched = (List<T>) Collections.unmodifiableList(rows);
    }

    private Query<T> query() {
        if (query == null) {
            query = runtime.scoped(relation, ownerKey);
        }
        return query;
    }

    @Override
    public boolean isLoaded() {
        return prefetched != null;
    }

    @Override
    public List<T> all() {
        return prefetched != null ? prefetched : query().all();
    }

    @Override
    public Stream<T> stream() {
        return prefetched != null ? prefetched.stream() : query().stream();
    }

    @SafeVarargs
    @Override
    public final void add(T... targets) {
        runtime.link(writable("add"), ownerKey, targets(targets));
        prefetched = null;
    }

    @SafeVarargs
    @Override
    public final void remove(T... targets) {
        runtime.unlink(writable("remove"), ownerKey, targets(targets));
        prefetched = null;
    }

    @Override
    public void clear() {
        runtime.unlinkAll(writable("clear"), ownerKey);
        prefetched = null;
    }

    @Override
    public void set(Collection<? extends T> targets) {
        runtime.relink(writable("set"), ownerKey, List.copyOf(Objects.requireNonNull(targets, "targets")));
        prefetched = null;
    }

    private ResolvedRelation writable(String operation) {
        if (relation.kind() != ResolvedRelation.Kind.JOIN) {
            throw new UnsupportedOperationException(relation + "." + operation + "(...): " + relation
                    + " is the reverse side of the foreign key " + relation.target().name() + "." + relation.foreignKey().name()
                    + "; set that field and save the " + relation.target().name() + " instead");
        }
        return relation;
    }

    private static <T> List<T> targets(T[] targets) {
        Objects.requireNonNull(targets, "targets");
        for (T target : targets) {
            Objects.requireNonNull(target, "a null model cannot be linked");
        }
        return Arrays.asList(targets);
    }

    // ---------------------------------------------------------------- Query, scoped to the owner

    @Override
    public Class<T> model() {
        return query().model();
    }

    @Override
    public Query<T> where(Condition<T> condition) {
        return query().where(condition);
    }

    @Override
    public Query<T> orderBy(List<Order<T>> orders) {
        return query().orderBy(orders);
    }

    @Override
    public Query<T> limit(long count) {
        return query().limit(count);
    }

    @Override
    public Query<T> offset(long count) {
        return query().offset(count);
    }

    @Override
    public Query<T> forUpdate(RowLock lock) {
        return query().forUpdate(lock);
    }

    @Override
    public Query<T> prefetch(List<Prefetch<T>> paths) {
        return query().prefetch(paths);
    }

    @Override
    public Optional<T> first() {
        return query().first();
    }

    @Override
    public T one() {
        return query().one();
    }

    @Override
    public T get(Object id) {
        return query().get(id);
    }

    @Override
    public Optional<T> find(Object id) {
        return query().find(id);
    }

    @Override
    public Query<T> join(dev.ferro.RefAttribute<T, ?> relation) {
        return query().join(relation);
    }

    @Override
    public Page<T> page(int size) {
        return query().page(size);
    }

    @Override
    public Query<T> after(String cursor) {
        return query().after(cursor);
    }

    @Override
    public Query<T> before(String cursor) {
        return query().before(cursor);
    }

    @Override
    public Query<T> groupBy(List<? extends Attribute<T, ?>> columns) {
        return query().groupBy(columns);
    }

    @Override
    public Query<T> having(Condition<T> condition) {
        return query().having(condition);
    }

    @Override
    public <V> Projection<V> select(Expression<T, V> column) {
        return query().select(column);
    }

    @Override
    public Selection<T> select(List<? extends Expression<T, ?>> columns) {
        return query().select(columns);
    }

    @Override
    public <N extends Number & Comparable<? super N>> Optional<Long> sum(IntegralAttribute<T, N> column) {
        return query().sum(column);
    }

    @Override
    public <N extends Number & Comparable<? super N>> Optional<N> sum(NumericAttribute<T, N> column) {
        return query().sum(column);
    }

    @Override
    public <N extends Number & Comparable<? super N>> Optional<Double> avg(IntegralAttribute<T, N> column) {
        return query().avg(column);
    }

    @Override
    public <N extends Number & Comparable<? super N>> Optional<N> avg(NumericAttribute<T, N> column) {
        return query().avg(column);
    }

    @Override
    public <V extends Comparable<? super V>> Optional<V> min(SortableAttribute<T, V> column) {
        return query().min(column);
    }

    @Override
    public <V extends Comparable<? super V>> Optional<V> max(SortableAttribute<T, V> column) {
        return query().max(column);
    }

    @Override
    public long countDistinct(Attribute<T, ?> column) {
        return query().countDistinct(column);
    }

    @Override
    public void delete(Object id) {
        prefetched = null;
        query().delete(id);
    }

    @Override
    public long count() {
        return prefetched != null ? prefetched.size() : query().count();
    }

    @Override
    public boolean exists() {
        return prefetched != null ? !prefetched.isEmpty() : query().exists();
    }

    /** Inserts the model as one of the owner's: its foreign key set to the owner, or linked after the insert. */
    @Override
    public T create(T model) {
        prefetched = null;
        return query().create(model);
    }

    @Override
    public List<T> createAll(List<T> models) {
        prefetched = null;
        return query().createAll(models);
    }

    /**
     * The owner's row matching the filters, or a new one from {@code factory}, created as one of the
     * owner's; race-safe as {@link Query#getOrCreate} is.
     */
    @Override
    public Created<T> getOrCreate(Supplier<T> factory) {
        prefetched = null;
        return query().getOrCreate(factory);
    }

    @Override
    public Created<T> updateOrCreate(Supplier<T> factory, Consumer<T> changes) {
        prefetched = null;
        return query().updateOrCreate(factory, changes);
    }

    @Override
    public long update(List<Assignment<T>> assignments) {
        prefetched = null;
        return query().update(assignments);
    }

    @Override
    public long delete() {
        prefetched = null;
        return query().delete();
    }

    @Override
    public String toString() {
        return relation + " of " + ownerKey + (prefetched != null ? " (" + prefetched.size() + " prefetched)" : "");
    }
}
