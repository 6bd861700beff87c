package dev.ferro;

/**
 * One key of an {@code ORDER BY}: {@code Post_.id.desc()}, {@code User_.name.asc().nullsLast()}, or an aggregate's
 * ({@code count().desc()}) in a grouped query.
 */
public record Order<M>(Expression<M, ?> expression, boolean descending, Nulls nulls) {

    /** Where NULLs sort; {@code DEFAULT} leaves it to the database. */
    public enum Nulls { DEFAULT, FIRST, LAST }

    /** NULLs before every value, on every database. */
    public Order<M> nullsFirst() {
        return new Order<>(expression, descending, Nulls.FIRST);
    }

    /** NULLs after every value, on every database. */
    public Order<M> nullsLast() {
        return new Order<>(expression, descending, Nulls.LAST);
    }
}
