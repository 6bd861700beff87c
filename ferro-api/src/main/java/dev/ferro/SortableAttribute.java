package dev.ferro;

/**
 * An attribute whose values have an order the database agrees with: numbers, text, dates and times.
 */
public class SortableAttribute<M, T extends Comparable<? super T>> extends Attribute<M, T> {

    public SortableAttribute(Class<M> model, String name, Class<T> type) {
        super(model, name, type);
    }

    /** A path ({@link RefAttribute#to}). */
    protected SortableAttribute(RefAttribute<M, ?> via, SortableAttribute<?, T> remote) {
        super(via, remote);
    }

    public Condition<M> lt(T value) {
        return compare(Condition.Operator.LT, value);
    }

    public Condition<M> le(T value) {
        return compare(Condition.Operator.LE, value);
    }

    public Condition<M> gt(T value) {
        return compare(Condition.Operator.GT, value);
    }

    public Condition<M> ge(T value) {
        return compare(Condition.Operator.GE, value);
    }

    /** {@code BETWEEN low AND high}, both ends included. */
    public Condition<M> between(T low, T high) {
        if (low == null || high == null) {
            throw new IllegalArgumentException(this + ".between(...) needs two non-null bounds");
        }
        return new Condition.Between<>(this, low, high);
    }

    public Order<M> asc() {
        return new Order<>(this, false, Order.Nulls.DEFAULT);
    }

    public Order<M> desc() {
        return new Order<>(this, true, Order.Nulls.DEFAULT);
    }

    private Condition<M> compare(Condition.Operator operator, T value) {
        if (value == null) {
            throw new IllegalArgumentException(this + " " + operator.symbol() + " null is never true in SQL; use isNull()");
        }
        return new Condition.Compare<>(this, operator, value);
    }
}
