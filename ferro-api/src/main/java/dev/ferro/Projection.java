package dev.ferro;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The rows of a query read as values, not models ({@link Query#select}): one column's values, or records built from
 * a few columns. The query's conditions, order, limit and offset apply; nothing goes through the identity map, so
 * every call reads the database.
 *
 * <pre>
 * List&lt;String&gt; names = users.where(User_.active.isTrue()).orderBy(User_.username.asc()).select(User_.username).list();
 * List&lt;UserRow&gt; rows = users.select(User_.id, User_.username).as(UserRow.class).list();
 * </pre>
 *
 * @param <R> a row's value: the column's Java type (boxed), or the record's
 */
public interface Projection<R> {
    /** Every matching row's value, in the query's order; a column's SQL NULL is a null. */
    List<R> list();

    /**
     * The values as they are read, a fetch size at a time, like {@link Query#stream()}: close the stream
     * (try-with-resources), which holds a connection until it is closed or read to the end.
     */
    Stream<R> stream();

    /**
     * The first row's value in the query's order, if there is a row.
     *
     * @throws NullPointerException when that row's column is SQL NULL (an empty Optional would say there is no row):
     *         read nullable columns with {@link #list()} and a limit of 1
     */
    Optional<R> first();
}
