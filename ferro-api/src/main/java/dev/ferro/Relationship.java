package dev.ferro;

/**
 * A relation field of the metamodel: a {@link ForeignKey} ({@link RefAttribute}), or a
 * {@link BackRef} or {@link ManyToMany} ({@link RelationAttribute}). It is also a one-step
 * {@link Prefetch}.
 *
 * @param <M> the model that declares the field
 * @param <T> the related model
 */
public interface Relationship<M, T> extends Prefetch<M> {

    /** The model that declares the field. */
    Class<M> model();

    /** The field name. */
    String name();

    /** The related model. */
    Class<T> target();

    @Override
    default java.util.List<Relationship<?, ?>> steps() {
        return java.util.List.of(this);
    }
}
