package dev.ferro.impl.sql;

import dev.ferro.Condition;
import dev.ferro.Order;

import java.util.List;

/**
 * What a query asks for, independent of the database: filters (ANDed), ordering, paging.
 * {@code limit} and {@code offset} are -1 when not set.
 */
public record QuerySpec<M>(List<Condition<M>> conditions, List<Order<M>> orders, long limit, long offset) {

    public static <M> QuerySpec<M> all() {
        return new QuerySpec<>(List.of(), List.of(), -1, -1);
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
