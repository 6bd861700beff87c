package dev.ferro;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The queries and writes of one model. A query is immutable: {@link #where}, {@link #orderBy},
 * {@link #limit} and {@link #offset} return a new query, so one instance can be shared by every
 * thread. Terminal methods run SQL in the current transaction, or on their own when there is none.
 *
 * @param <M> the model
 */
public interface Query<M> {

    /** The model class. */
    Class<M> model();

    /** Adds a filter; chained calls AND together. */
    Query<M> where(Condition<M> condition);

    /** Adds ordering keys after any already given. */
    Query<M> orderBy(List<Order<M>> orders);

    /** Adds an ordering key after any already given. */
    default Query<M> orderBy(Order<M> order) {
        return orderBy(List.of(order));
    }

    /** Adds two ordering keys, in this order, after any already given. */
    default Query<M> orderBy(Order<M> first, Order<M> second) {
        return orderBy(List.of(first, second));
    }

    /** Adds three ordering keys, in this order, after any already given; {@link #orderBy(List)} takes more. */
    default Query<M> orderBy(Order<M> first, Order<M> second, Order<M> third) {
        return orderBy(List.of(first, second, third));
    }

    /** At most {@code count} rows. */
    Query<M> limit(long count);

    /** Skips the first {@code count} rows. */
    Query<M> offset(long count);

    /**
     * Loads these relations of every row the query returns, with one extra query per relation and
     * level (IN lists over the rows' keys, split into chunks for large sets), and attaches them:
     * afterwards {@code ref.get()} and {@code relation.all()} on those rows run no SQL.
     * Adds to any prefetch already given.
     */
    Query<M> prefetch(List<Prefetch<M>> paths);

    /** {@link #prefetch(List)} of one path. */
    default Query<M> prefetch(Prefetch<M> path) {
        return prefetch(List.of(path));
    }

    /** {@link #prefetch(List)} of two paths. */
    default Query<M> prefetch(Prefetch<M> first, Prefetch<M> second) {
        return prefetch(List.of(first, second));
    }

    /** {@link #prefetch(List)} of three paths; the list form takes more. */
    default Query<M> prefetch(Prefetch<M> first, Prefetch<M> second, Prefetch<M> third) {
        return prefetch(List.of(first, second, third));
    }

    /**
     * Reads the row each foreign key points at in the same statement as the rows (Django's {@code select_related}):
     * {@code posts.join(Post_.author).all()} runs one {@code SELECT ... LEFT JOIN}, and each post's
     * {@code author.get()} then runs no SQL. The targets go through the identity map as {@link #prefetch} puts them,
     * so a user of several posts is one instance. For to-one relations; prefetch takes the to-many ones, and both
     * combine. {@link #all}, {@link #first}, {@link #one}, {@link #get}, {@link #find} and {@link #page} join.
     *
     * @throws InvalidQueryException at the read, with {@link #forUpdate} or {@link #stream}
     */
    Query<M> join(RefAttribute<M, ?> relation);

    /**
     * Locks the rows this query reads until the transaction ends ({@code SELECT ... FOR UPDATE}):
     * another transaction's {@code forUpdate}, save or delete of them waits for the commit, so a read,
     * a change and a save cannot lose a concurrent one. Applies to {@link #all}, {@link #stream},
     * {@link #first}, {@link #one}, {@link #get} and {@link #find}; a locked read always runs SQL and
     * refreshes the instance the unit of work holds. Only inside a transaction that can write. On
     * SQLite, whose write transaction holds the lock of the whole database from its start, the query
     * runs as it is and other writers wait for the commit.
     *
     * @throws InvalidQueryException at the read, outside a transaction or in a read-only one, and
     *         from {@link #count}, {@link #exists}, {@link #update} and {@link #delete}
     */
    default Query<M> forUpdate() {
        return forUpdate(RowLock.WAIT);
    }

    /**
     * {@link #forUpdate()}, choosing what happens at a row another transaction has locked.
     *
     * @throws InvalidQueryException at the read, for {@link RowLock#NO_WAIT} and {@link RowLock#SKIP_LOCKED} on SQLite
     */
    Query<M> forUpdate(RowLock lock);

    /**
     * The first {@code size} matching rows in the query's order (after the cursor of {@link #after}, or before that
     * of {@link #before}), with cursors to the pages beside them. The ordering is made unique by the id, appended
     * unless it is already a key; a nullable key's NULLs sort last unless it says {@code nullsFirst()}. A page runs
     * one statement:
     * {@code SELECT ... WHERE ("title" > ?) OR ("title" = ? AND "id" > ?) ORDER BY "title" ASC, "id" ASC LIMIT ?}.
     *
     * @throws InvalidQueryException when the query has a limit or offset (the page sets its own), an aggregate or
     *         path ordering key, or is grouped; {@code size} must be positive
     */
    Page<M> page(int size);

    /**
     * The rows after the row a cursor names ({@link Page#nextCursor}), in this query's order, which must be the
     * order the cursor was made in: give {@link #orderBy} first.
     *
     * @throws InvalidQueryException when the cursor is not one of a page of this model in this order, naming both
     *         (a forged or edited cursor is refused, never turned into SQL)
     */
    Query<M> after(String cursor);

    /** The rows before the row a cursor names ({@link Page#previousCursor}); {@link #page} reads the last of them. */
    Query<M> before(String cursor);

    /** Every matching row, in the query's order. */
    List<M> all();

    /**
     * The matching rows in the query's order, read from the database as the stream is consumed, a
     * fetch size at a time ({@link FerroOptions#fetchSize}): a cursor on PostgreSQL, the streaming
     * mode of MariaDB's driver, SQLite's own stepping, H2's result that spills to disk. Close it
     * (try-with-resources): it holds a connection until it is closed or read to the end.
     *
     * <p>Streamed rows are not kept in the identity map (that would hold every row), so two reads
     * of one row give two instances. Prefetch works on a stream a chunk of rows at a time.
     */
    Stream<M> stream();

    /** The first matching row in the query's order, if any. */
    Optional<M> first();

    /**
     * The single matching row.
     *
     * @throws ModelNotFoundException when no row matches
     * @throws MultipleResultsException when more than one row matches
     */
    M one();

    /**
     * The row with this primary key (the query's filters apply too).
     *
     * @throws ModelNotFoundException naming the model and the key, when there is none
     */
    M get(Object id);

    /** The row with this primary key (the query's filters apply too), if any. */
    Optional<M> find(Object id);

    /**
     * Groups the matching rows by these columns ({@code GROUP BY}), for a report: a grouped query is read through
     * {@link #select} (the grouped columns and {@link Aggregate}s over each group), {@link #count} (the number of
     * groups) and {@link #exists}; {@link #having} filters the groups, {@link #orderBy} sorts them by grouped columns
     * or aggregates, and limit and offset page them. Adds to any grouping already given.
     *
     * <pre>
     * posts.groupBy(Post_.author).select(Post_.author, count()).as(AuthorCount.class).list()
     * // SELECT "author_id", COUNT(*) FROM "post" GROUP BY "author_id"
     * </pre>
     *
     * @throws InvalidQueryException at the read: from {@link #all}, {@link #stream}, {@link #first}, {@link #one},
     *         {@link #get}, {@link #find}, {@link #update} and {@link #delete} of a grouped query, which has no models
     *         to give; and when a selected or ordering column is neither grouped nor aggregated
     */
    Query<M> groupBy(List<? extends Attribute<M, ?>> columns);

    /** {@link #groupBy(List)} of one column. */
    default Query<M> groupBy(Attribute<M, ?> column) {
        return groupBy(List.of(column));
    }

    /** {@link #groupBy(List)} of two columns. */
    default Query<M> groupBy(Attribute<M, ?> first, Attribute<M, ?> second) {
        return groupBy(List.of(first, second));
    }

    /** {@link #groupBy(List)} of three columns; the list form takes more. */
    default Query<M> groupBy(Attribute<M, ?> first, Attribute<M, ?> second, Attribute<M, ?> third) {
        return groupBy(List.of(first, second, third));
    }

    /**
     * Filters the groups of a grouped query ({@code HAVING}): conditions on aggregates ({@code count().ge(2L)},
     * {@code sum(Post_.views).gt(100L)}) and on grouped columns, composed with and/or/not; chained calls AND
     * together. An aggregate's condition in {@link #where} is refused, as SQL refuses it.
     *
     * @throws InvalidQueryException at the read, when the query is not grouped
     */
    Query<M> having(Condition<M> condition);

    /**
     * The values of one column, or of one aggregate, of the matching rows in the query's order
     * ({@code users.select(User_.username).list()}), read without the identity map. A foreign key's values are
     * unloaded {@link Ref}s, which know the key and load the target at {@code get()}. An aggregate of an ungrouped
     * query gives one value (over the page, when the query has a limit or offset); of a grouped query, one per group.
     *
     * @throws InvalidQueryException when the query prefetches (a projection has no models to attach relations to)
     */
    <V> Projection<V> select(Expression<M, V> column);

    /** Two columns or aggregates of the matching rows, to be read into a record or class ({@link Selection#as}). */
    default Selection<M> select(Expression<M, ?> first, Expression<M, ?> second) {
        return select(List.of(first, second));
    }

    /** Three columns or aggregates of the matching rows, to be read into a record or class ({@link Selection#as}). */
    default Selection<M> select(Expression<M, ?> first, Expression<M, ?> second, Expression<M, ?> third) {
        return select(List.of(first, second, third));
    }

    /** Four columns or aggregates of the matching rows, to be read into a record or class ({@link Selection#as}). */
    default Selection<M> select(Expression<M, ?> first, Expression<M, ?> second, Expression<M, ?> third,
                                Expression<M, ?> fourth) {
        return select(List.of(first, second, third, fourth));
    }

    /**
     * Columns and aggregates of the matching rows, in this order, to be read into a record or class
     * ({@link Selection#as}). Mixing columns with aggregates needs {@link #groupBy} of those columns.
     */
    Selection<M> select(List<? extends Expression<M, ?>> columns);

    /**
     * {@code SUM} of a whole-number column over the matching rows (over the page, when the query has a limit or
     * offset), as a {@code Long}; empty when no row has a value.
     *
     * @throws InvalidQueryException for a grouped query, whose sums are read through {@link #select}
     */
    <N extends Number & Comparable<? super N>> Optional<Long> sum(IntegralAttribute<M, N> column);

    /** {@code SUM} of a decimal or floating-point column, in its type; empty when no row has a value. */
    <N extends Number & Comparable<? super N>> Optional<N> sum(NumericAttribute<M, N> column);

    /** {@code AVG} of a whole-number column, as a {@code Double}; empty when no row has a value. */
    <N extends Number & Comparable<? super N>> Optional<Double> avg(IntegralAttribute<M, N> column);

    /** {@code AVG} of a decimal or floating-point column, in its type; empty when no row has a value. */
    <N extends Number & Comparable<? super N>> Optional<N> avg(NumericAttribute<M, N> column);

    /** {@code MIN} of a column over the matching rows; empty when no row has a value. */
    <T extends Comparable<? super T>> Optional<T> min(SortableAttribute<M, T> column);

    /** {@code MAX} of a column over the matching rows; empty when no row has a value. */
    <T extends Comparable<? super T>> Optional<T> max(SortableAttribute<M, T> column);

    /** {@code COUNT(DISTINCT column)}: how many different non-NULL values the matching rows hold. */
    long countDistinct(Attribute<M, ?> column);

    /** The number of matching rows (limit and offset apply), or of groups when the query is grouped. */
    long count();

    /** Whether any row matches; stops at the first. */
    boolean exists();

    /**
     * Validates and inserts the model, writes a generated key back into it and returns it.
     *
     * @throws jakarta.validation.ConstraintViolationException when Bean Validation rejects it
     * @throws UniqueViolationException and the other {@link IntegrityViolationException}s
     */
    M create(M model);

    /**
     * Validates every model, then inserts them in one JDBC batch, in one transaction; generated keys
     * are written back in list order. Nothing is inserted when any model is invalid.
     */
    List<M> createAll(List<M> models);

    /**
     * The first row matching this query's filters, or a new one from {@code factory}, inserted.
     * Race-safe: when a concurrent caller inserts the same row first (a unique constraint fires),
     * the row it inserted is returned instead of an error.
     *
     * <p>The new model is made to match the equality filters ANDed at the top of the query
     * ({@code eq}, {@code isNull}), so that the query finds it afterwards: a field the factory left
     * null takes the filter's value; a field that holds another value is refused with an
     * {@link IllegalArgumentException} naming it. Other conditions are not checked.
     */
    Created<M> getOrCreate(Supplier<M> factory);

    /**
     * Like {@link #getOrCreate}, and {@code changes} are applied to the row either way and saved.
     */
    Created<M> updateOrCreate(Supplier<M> factory, Consumer<M> changes);

    /**
     * {@code UPDATE ... SET ... WHERE <filters>}; returns the number of rows changed and evicts this
     * model from the identity map. Ordering keys and assignments take one to three arguments, or a
     * list: generic varargs would give every caller an unchecked warning.
     *
     * @throws InvalidQueryException when the query has a limit, offset or ordering
     */
    long update(List<Assignment<M>> assignments);

    /** {@link #update(List)} of one assignment. */
    default long update(Assignment<M> assignment) {
        return update(List.of(assignment));
    }

    /** {@link #update(List)} of two assignments. */
    default long update(Assignment<M> first, Assignment<M> second) {
        return update(List.of(first, second));
    }

    /** {@link #update(List)} of three assignments; the list form takes more. */
    default long update(Assignment<M> first, Assignment<M> second, Assignment<M> third) {
        return update(List.of(first, second, third));
    }

    /**
     * {@code DELETE ... WHERE <filters>}; returns the number of rows deleted and evicts this model
     * from the identity map.
     *
     * @throws InvalidQueryException when the query has a limit, offset or ordering
     */
    long delete();

    /**
     * {@code DELETE ... WHERE id = ?} (and the query's filters): deletes the row with this primary key without
     * reading it first, whatever its {@code @Version}, and forgets its instance in the identity map.
     *
     * @throws ModelNotFoundException naming the model and the key, when no row (among the query's) has it
     * @throws InvalidQueryException when the query has a limit, offset or ordering
     */
    void delete(Object id);
}
