package dev.ferro;

/** A numeric attribute: {@code int}, {@code long}, {@code double}, {@code BigDecimal} and their kin. */
public class NumericAttribute<M, T extends Number & Comparable<? super T>> extends SortableAttribute<M, T> {

    public NumericAttribute(Class<M> model, String name, Class<T> type) {
        super(model, name, type);
    }

    /** A path ({@link RefAttribute#to}). */
    protected NumericAttribute(RefAttribute<M, ?> via, NumericAttribute<?, T> remote) {
        super(via, remote);
    }

    /**
     * {@code SET column = column + amount}: the database adds to the value the row holds when the
     * update runs, so two concurrent additions both count, unlike a read, a change and a save.
     */
    public Assignment<M> add(T amount) {
        return new Assignment.Arithmetic<>(this, Assignment.Operator.ADD, amount);
    }

    /** {@code SET column = column - amount}, computed by the database as {@link #add} is. */
    public Assignment<M> subtract(T amount) {
        return new Assignment.Arithmetic<>(this, Assignment.Operator.SUBTRACT, amount);
    }

    /** {@code SET column = column * factor}, computed by the database as {@link #add} is. */
    public Assignment<M> multiply(T factor) {
        return new Assignment.Arithmetic<>(this, Assignment.Operator.MULTIPLY, factor);
    }
}
