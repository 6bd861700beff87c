package dev.ferro.impl.sql;

import dev.ferro.Attribute;
import dev.ferro.Condition;
import dev.ferro.Order;
import dev.ferro.Prefetch;
import dev.ferro.RefAttribute;
import dev.ferro.RowLock;

import java.util.ArrayList;
import java.util.List;

/**
 * What a query asks for, independent of the database: filters (ANDed), ordering, paging, the
 * relation it is scoped to (for {@code user.posts}), the relations to prefetch, the grouping
 * ({@code groupBy} columns and {@code having} filters, ANDed) and the to-one relations read in the same
 * statement ({@code join}).
 * {@code limit} and {@code offset} are -1 when not set; {@code scope} is null when none, and so is
 * {@code lock} when the rows are read without {@code FOR UPDATE}.
 */
public record QuerySpec<M>(List<Condition<M>> conditions, List<Order<M>> orders, long limit, long offset, Scope scope,
                           List<Prefetch<M>> prefetch, RowLock lock, List<Attribute<M, ?>> groupBy,
                           List<Condition<M>> having, List<RefAttribute<M, ?>> joins) {


    /**
     * The filter that makes a query a relation's: an SQL condition built from model metadata only,
     * with the owner's key as its one parameter.
     */
    public record Scope(String sql, Object key, ValueBinder binder) {
    }

    public static <M> QuerySpec<M> all() {
        return new QuerySpec<>(List.of(), List.of(), -1, -1, null, List.of(), null, List.of(), List.of(), List.of());
    }

    public QuerySpec<M> where(Condition<M> condition) {
        List<Condition<M>> all = new ArrayList<>(conditions);
        all.add(condition);
        return new QuerySpec<>(List.copyOf(all), orders, limit, offset, scope, prefetch, lock, groupBy, having, joins);
    }

    public QuerySpec<M> orderBy(List<Order<M>> more) {
        List<Order<M>> all = new ArrayList<>(orders);
        all.addAll(more);
        return new QuerySpec<>(conditions, List.copyOf(all), limit, offset, scope, prefetch, lock, groupBy, having, joins);
    }

    public QuerySpec<M> limit(long count) {
        return new QuerySpec<>(conditions, orders, count, offset, scope, prefetch, lock, groupBy, having, joins);
    }

    public QuerySpec<M> offset(long count) {
        return new QuerySpec<>(conditions, orders, limit, count, scope, prefetch, lock, groupBy, having, joins);
    }

    public QuerySpec<M> scope(Scope relation) {
        return new QuerySpec<>(conditions, orders, limit, offset, relation, prefetch, lock, groupBy, having, joins);
    }

    public QuerySpec<M> prefetch(List<Prefetch<M>> more) {
        List<Prefetch<M>> all = new ArrayList<>(prefetch);
        all.addAll(more);
        return new QuerySpec<>(conditions, orders, limit, offset, scope, List.copyOf(all), lock, groupBy, having, joins);
    }

    public QuerySpec<M> lock(RowLock rowLock) {
        return new QuerySpec<>(conditions, orders, limit, offset, scope, prefetch, rowLock, groupBy, having, joins);
    }

    public QuerySpec<M> groupBy(List<? extends Attribute<M, ?>> columns) {
        List<Attribute<M, ?>> all = new ArrayList<>(groupBy);
        all.addAll(columns);
        return new QuerySpec<>(conditions, orders, limit, offset, scope, prefetch, lock, List.copyOf(all), having, joins);
    }

    public QuerySpec<M> having(Condition<M> condition) {
        List<Condition<M>> all = new ArrayList<>(having);
        all.add(condition);
        return new QuerySpec<>(conditions, orders, limit, offset, scope, prefetch, lock, groupBy, List.copyOf(all), joins);
    }

    public QuerySpec<M> join(RefAttribute<M, ?> relation) {
        List<RefAttribute<M, ?>> all = new ArrayList<>(joins);
        if (!all.contains(relation)) {
            all.add(relation);
        }
        return new QuerySpec<>(conditions, orders, limit, offset, scope, prefetch, lock, groupBy, having, List.copyOf(all));
    }

    /** Whether the rows are read as groups ({@code GROUP BY}). */
    public boolean grouped() {
        return !groupBy.isEmpty();
    }

    /** Whether the rows are filtered at all (by a condition or a relation's scope). */
    public boolean filtered() {
        return !conditions.isEmpty() || scope != null;
    }

    public boolean hasLimit() {
        return limit >= 0;
    }

    public boolean hasOffset() {
        return offset >= 0;
    }

    public boolean paged() {
        return hasLimit() || hasOffset();
    }
}
