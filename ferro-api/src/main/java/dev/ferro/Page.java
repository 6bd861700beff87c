package dev.ferro;

import java.util.List;

/**
 * One page of a query's rows in its order ({@link Query#page}), and the cursors of its neighbours: opaque, URL-safe
 * strings to hand to a client and back to {@link Query#after} or {@link Query#before}. Keyset paging: the next page
 * is the rows after the last one's ordering values, which stays fast on a deep page and neither skips nor repeats a
 * row when rows are added or deleted before it.
 *
 * <pre>
 * Page&lt;Post&gt; first = posts.orderBy(Post_.published.desc()).page(20);
 * Page&lt;Post&gt; second = posts.orderBy(Post_.published.desc()).after(first.nextCursor()).page(20);
 * </pre>
 *
 * @param items the rows, in the query's order
 * @param hasNext whether rows follow the last one
 * @param hasPrevious whether rows precede the first one
 * @param nextCursor the cursor after the last row, for {@link Query#after}; null when there is no next page
 * @param previousCursor the cursor before the first row, for {@link Query#before}; null when there is no previous page
 * @param <M> the model
 */
public record Page<M>(List<M> items, boolean hasNext, boolean hasPrevious, String nextCursor, String previousCursor) {
    public Page {
        items = List.copyOf(items);
    }
}
