package dev.ferro;

/**
 * A value that a query reads from each row: a model's column ({@link Attribute}) or an aggregate over the rows of a
 * group ({@link Aggregate}). {@link Query#select} reads expressions and {@link Query#orderBy} sorts by them.
 *
 * @param <M> the model whose rows it reads
 * @param <T> the Java type of its values
 */
public sealed interface Expression<M, T> permits Attribute, Aggregate {
    /** The Java type of the values. */
    Class<T> type();
}
