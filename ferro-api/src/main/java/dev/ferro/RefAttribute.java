package dev.ferro;

import java.util.Objects;

/**
 * A {@link ForeignKey} field of the metamodel ({@code Post_.author}). As an {@link Attribute} it
 * filters on the key: {@code Post_.author.eq(Ref.of(alice))}, {@code Post_.author.isNull()},
 * {@code Post_.author.in(refs)}; and it is a {@link Prefetch}.
 *
 * @param <M> the model that declares the field
 * @param <T> the target model
 */
public final class RefAttribute<M, T> extends Attribute<M, Ref<T>> implements Relationship<M, T> {
    private final Class<T> target;

    @SuppressWarnings({"unchecked", "rawtypes"})
    public RefAttribute(Class<M> model, String name, Class<T> target) {
        super(model, name, (Class) Ref.class);
        this.target = Objects.requireNonNull(target, "target");
    }

    @Override
    public Class<T> target() {
        return target;
    }
}
