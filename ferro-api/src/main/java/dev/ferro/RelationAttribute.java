package dev.ferro;

import java.util.Objects;

/**
 * A {@link BackRef} or {@link ManyToMany} field of the metamodel ({@code User_.posts},
 * {@code Post_.tags}): no column to filter on, but a {@link Prefetch}.
 *
 * @param <M> the model that declares the field
 * @param <T> the related model
 */
public final class RelationAttribute<M, T> implements Relationship<M, T> {
    private final Class<M> model;
    private final String name;
    private final Class<T> target;

    public RelationAttribute(Class<M> model, String name, Class<T> target) {
        this.model = Objects.requireNonNull(model, "model");
        this.name = Objects.requireNonNull(name, "name");
        this.target = Objects.requireNonNull(target, "target");
    }

    @Override
    public Class<M> model() {
        return model;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Class<T> target() {
        return target;
    }

    @Override
    public String toString() {
        return model.getSimpleName() + "." + name;
    }
}
