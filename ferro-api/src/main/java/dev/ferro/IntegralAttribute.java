package dev.ferro;

/**
 * A column of a whole-number type ({@code short}, {@code int}, {@code long} and their boxes): its
 * {@link Aggregate#sum sum} is a {@code Long} and its {@link Aggregate#avg average} a {@code Double}, whatever the
 * column's width, so that neither overflows nor truncates.
 */
public class IntegralAttribute<M, T extends Number & Comparable<? super T>> extends NumericAttribute<M, T> {

    /** A path ({@link RefAttribute#to}). */
    protected IntegralAttribute(RefAttribute<M, ?> via, IntegralAttribute<?, T> remote) {
        super(via, remote);
    }

    public IntegralAttribute(Class<M> model, String name, Class<T> type) {
        super(model, name, type);
        Class<?> boxed = type;
        if (boxed != Short.class && boxed != Integer.class && boxed != Long.class) {
            throw new IllegalArgumentException(model.getSimpleName() + "." + name + " is a " + type.getSimpleName()
                    + ", not a whole-number type (Short, Integer or Long)");
        }
    }
}
