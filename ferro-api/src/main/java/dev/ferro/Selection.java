package dev.ferro;

/**
 * Columns of a query picked for a projection ({@link Query#select(Attribute, Attribute)}), to be read into a record,
 * or a class, whose constructor takes them in this order.
 *
 * @param <M> the model
 */
public interface Selection<M> {
    /**
     * The rows as instances of {@code type}: a record whose components are the columns in order, or a class with a
     * public constructor that takes them so. Each parameter's type must take its column's Java type (a primitive
     * its box, unless the column may be NULL).
     *
     * <pre>
     * record PostSummary(long id, String title) {}
     * List&lt;PostSummary&gt; summaries = posts.orderBy(Post_.id.asc()).select(Post_.id, Post_.title).as(PostSummary.class).list();
     * </pre>
     *
     * @throws InvalidQueryException naming the type, the parameter and the column when the type has no such
     *         constructor
     */
    <R> Projection<R> as(Class<R> type);
}
