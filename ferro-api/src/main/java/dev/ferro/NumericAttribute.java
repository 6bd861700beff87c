package dev.ferro;

/** A numeric attribute: {@code int}, {@code long}, {@code double}, {@code BigDecimal} and their kin. */
public class NumericAttribute<M, T extends Number & Comparable<? super T>> extends SortableAttribute<M, T> {

    public NumericAttribute(Class<M> model, String name, Class<T> type) {
        super(model, name, type);
    }
}
