package dev.ferro;

import java.util.Objects;

/**
 * An aggregate function over the rows of a query, or of each group of a grouped one ({@link Query#groupBy}):
 * {@code COUNT(*)}, {@code COUNT(DISTINCT ...)}, {@code SUM}, {@code AVG}, {@code MIN} and {@code MAX}. It is
 * selected ({@link Query#select}), compared in {@link Query#having} and sorted by ({@link #desc()}).
 *
 * <pre>
 * import static dev.ferro.Aggregate.count;
 *
 * record AuthorCount(Ref&lt;User&gt; author, long posts) {}
 * List&lt;AuthorCount&gt; counts = posts.groupBy(Post_.author).having(count().ge(2L)).orderBy(count().desc())
 *         .select(Post_.author, count()).as(AuthorCount.class).list();
 * </pre>
 *
 * <p>{@code count()} belongs to no model until the call it is given to says which, so a chain starts from a typed
 * condition ({@code sum(Post_.views).gt(0L).and(count().ge(2L))}) or uses {@link Condition#and}, {@link Condition#or}
 * and {@link Condition#not}, which take it: {@code Condition.not(count().eq(1L))}.
 *
 * <p>The Java type of the values: a {@code Long} for counts; for {@code SUM}, a {@code Long} over a whole-number
 * column ({@link IntegralAttribute}) and the column's type otherwise; for {@code AVG}, a {@code Double} over a
 * whole-number column and the column's type otherwise (a {@code BigDecimal} average at the scale the database
 * gives); {@code MIN} and {@code MAX} the column's type. SQL's aggregates skip NULLs: a {@code SUM}, {@code AVG},
 * {@code MIN} or {@code MAX} of no values (no rows, or only NULLs) is NULL, never 0.
 *
 * @param <M> the model
 * @param <T> the Java type of the aggregate's values
 */
public final class Aggregate<M, T> implements Expression<M, T> {

    /** The SQL aggregate function. */
    public enum Function { COUNT, COUNT_DISTINCT, SUM, AVG, MIN, MAX }

    private final Function function;
    private final Attribute<M, ?> attribute;
    private final Class<T> type;

    private Aggregate(Function function, Attribute<M, ?> attribute, Class<T> type) {
        this.function = function;
        this.attribute = attribute;
        this.type = type;
    }

    /** {@code COUNT(*)}: the number of rows (of the group). */
    public static <M> Aggregate<M, Long> count() {
        return new Aggregate<>(Function.COUNT, null, Long.class);
    }

    /** {@code COUNT(DISTINCT column)}: the number of different non-NULL values. */
    public static <M> Aggregate<M, Long> countDistinct(Attribute<M, ?> attribute) {
        return new Aggregate<>(Function.COUNT_DISTINCT, Objects.requireNonNull(attribute, "attribute"), Long.class);
    }

    /** {@code SUM(column)} of a whole-number column, as a {@code Long}. */
    public static <M, N extends Number & Comparable<? super N>> Aggregate<M, Long> sum(IntegralAttribute<M, N> attribute) {
        return new Aggregate<>(Function.SUM, Objects.requireNonNull(attribute, "attribute"), Long.class);
    }

    /**
     * {@code SUM(column)} of a decimal or floating-point column, in the column's type.
     *
     * @throws IllegalArgumentException for a whole-number column declared as a plain {@link NumericAttribute}
     *         (the metamodel declares those {@link IntegralAttribute}s, whose sum is a {@code Long})
     */
    public static <M, N extends Number & Comparable<? super N>> Aggregate<M, N> sum(NumericAttribute<M, N> attribute) {
        return new Aggregate<>(Function.SUM, fractional(attribute, "sum"), attribute.type());
    }

    /** {@code AVG(column)} of a whole-number column, as a {@code Double} (never truncated to a whole number). */
    public static <M, N extends Number & Comparable<? super N>> Aggregate<M, Double> avg(IntegralAttribute<M, N> attribute) {
        return new Aggregate<>(Function.AVG, Objects.requireNonNull(attribute, "attribute"), Double.class);
    }

    /**
     * {@code AVG(column)} of a decimal or floating-point column, in the column's type.
     *
     * @throws IllegalArgumentException for a whole-number column declared as a plain {@link NumericAttribute}
     */
    public static <M, N extends Number & Comparable<? super N>> Aggregate<M, N> avg(NumericAttribute<M, N> attribute) {
        return new Aggregate<>(Function.AVG, fractional(attribute, "avg"), attribute.type());
    }

    /** {@code MIN(column)}, in the column's type. */
    public static <M, T extends Comparable<? super T>> Aggregate<M, T> min(SortableAttribute<M, T> attribute) {
        return new Aggregate<>(Function.MIN, Objects.requireNonNull(attribute, "attribute"), attribute.type());
    }

    /** {@code MAX(column)}, in the column's type. */
    public static <M, T extends Comparable<? super T>> Aggregate<M, T> max(SortableAttribute<M, T> attribute) {
        return new Aggregate<>(Function.MAX, Objects.requireNonNull(attribute, "attribute"), attribute.type());
    }

    private static <M> Attribute<M, ?> fractional(NumericAttribute<M, ?> attribute, String function) {
        Objects.requireNonNull(attribute, "attribute");
        Class<?> type = attribute.type();
        if (!(attribute instanceof IntegralAttribute<?, ?>)
                && (type == Short.class || type == Integer.class || type == Long.class)) {
            throw new IllegalArgumentException(function + "(" + attribute + ") of a whole-number column needs an"
                    + " IntegralAttribute, whose " + function + " is a " + (function.equals("sum") ? "Long" : "Double"));
        }
        return attribute;
    }

    /** The function. */
    public Function function() {
        return function;
    }

    /** The column it aggregates; null for {@link #count()}. */
    public Attribute<M, ?> attribute() {
        return attribute;
    }

    @Override
    public Class<T> type() {
        return type;
    }

    /** {@code aggregate = value}, for {@link Query#having}. */
    public <X extends M> Condition<X> eq(T value) {
        return compare(Condition.Operator.EQ, value);
    }

    /** {@code aggregate <> value}, for {@link Query#having}. */
    public <X extends M> Condition<X> ne(T value) {
        return compare(Condition.Operator.NE, value);
    }

    /** {@code aggregate < value}, for {@link Query#having}. */
    public <X extends M> Condition<X> lt(T value) {
        return compare(Condition.Operator.LT, value);
    }

    /** {@code aggregate <= value}, for {@link Query#having}. */
    public <X extends M> Condition<X> le(T value) {
        return compare(Condition.Operator.LE, value);
    }

    /** {@code aggregate > value}, for {@link Query#having}. */
    public <X extends M> Condition<X> gt(T value) {
        return compare(Condition.Operator.GT, value);
    }

    /** {@code aggregate >= value}, for {@link Query#having}. */
    public <X extends M> Condition<X> ge(T value) {
        return compare(Condition.Operator.GE, value);
    }

    /** Ascending order of the aggregate's values. */
    public <X extends M> Order<X> asc() {
        return new Order<>(as(), false, Order.Nulls.DEFAULT);
    }

    /** Descending order of the aggregate's values. */
    public <X extends M> Order<X> desc() {
        return new Order<>(as(), true, Order.Nulls.DEFAULT);
    }

    /**
     * This aggregate as one of the rows of {@code X}, the model the condition or order is for. A model has no subtypes
     * Ferro maps, so X is M; the conditions and orders are generic for {@link #count()}, which is of any model, so
     * that {@code having(count().ge(2L))} infers the query's.
     */
    @SuppressWarnings("unchecked")
    private <X extends M> Aggregate<X, T> as() {
        return (Aggregate<X, T>) (Aggregate<?, T>) this;
    }

    private <X extends M> Condition<X> compare(Condition.Operator operator, T value) {
        if (value == null) {
            throw new IllegalArgumentException(this + " " + operator.symbol() + " null is never true in SQL");
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                throw new IllegalArgumentException(this + " cannot be compared with " + value + ", which no database stores");
            }
        }
        return new Condition.AggregateCompare<>(as(), operator, value);
    }

    /** As SQL writes it, with the model's field names: {@code count(*)}, {@code sum(Post.views)}. */
    @Override
    public String toString() {
        return switch (function) {
            case COUNT -> "count(*)";
            case COUNT_DISTINCT -> "countDistinct(" + attribute + ")";
            default -> function.name().toLowerCase(java.util.Locale.ROOT) + "(" + attribute + ")";
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Aggregate<?, ?> that && that.function == function && Objects.equals(that.attribute, attribute);
    }

    @Override
    public int hashCode() {
        return function.hashCode() * 31 + Objects.hashCode(attribute);
    }
}
