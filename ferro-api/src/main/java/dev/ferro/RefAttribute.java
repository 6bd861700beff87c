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

    /** A path to a foreign key of the target ({@code Comment_.post.to(Post_.author)}). */
    private RefAttribute(RefAttribute<M, ?> via, RefAttribute<?, T> remote) {
        super(via, remote);
        this.target = remote.target;
    }

    @Override
    public Class<T> target() {
        return target;
    }

    /**
     * A column of the row this foreign key points at, as an attribute of this model, for conditions and ordering:
     * {@code posts.where(Post_.author.to(User_.username).eq("alice"))}. A condition on a path holds for the rows whose
     * related row exists and matches; it becomes an {@code IN} subquery ({@code "author_id" IN (SELECT "id" FROM "users"
     * WHERE "username" = ?)}), so a row is never repeated. Ordering by a path sorts by the related row's value, a row
     * without one as a NULL. Paths chain: {@code Comment_.post.to(Post_.author).to(User_.username)}.
     */
    public <V> Attribute<M, V> to(Attribute<T, V> remote) {
        return new Path<>(this, remote);
    }

    /** {@link #to(Attribute)} of a column that compares and sorts. */
    public <V extends Comparable<? super V>> SortableAttribute<M, V> to(SortableAttribute<T, V> remote) {
        return new SortablePath<>(this, remote);
    }

    /** {@link #to(Attribute)} of a decimal or floating-point column. */
    public <V extends Number & Comparable<? super V>> NumericAttribute<M, V> to(NumericAttribute<T, V> remote) {
        return new NumericPath<>(this, remote);
    }

    /** {@link #to(Attribute)} of a whole-number column. */
    public <V extends Number & Comparable<? super V>> IntegralAttribute<M, V> to(IntegralAttribute<T, V> remote) {
        return new IntegralPath<>(this, remote);
    }

    /** {@link #to(Attribute)} of a text column. */
    public TextAttribute<M> to(TextAttribute<T> remote) {
        return new TextPath<>(this, remote);
    }

    /** {@link #to(Attribute)} of a boolean column. */
    public BooleanAttribute<M> to(BooleanAttribute<T> remote) {
        return new BooleanPath<>(this, remote);
    }

    /** {@link #to(Attribute)} of the target's own foreign key, to go on from there. */
    public <U> RefAttribute<M, U> to(RefAttribute<T, U> remote) {
        return new RefAttribute<>(this, remote);
    }

    private static final class Path<M, V> extends Attribute<M, V> {
        Path(RefAttribute<M, ?> via, Attribute<?, V> remote) {
            super(via, remote);
        }
    }

    private static final class SortablePath<M, V extends Comparable<? super V>> extends SortableAttribute<M, V> {
        SortablePath(RefAttribute<M, ?> via, SortableAttribute<?, V> remote) {
            super(via, remote);
        }
    }

    private static final class NumericPath<M, V extends Number & Comparable<? super V>> extends NumericAttribute<M, V> {
        NumericPath(RefAttribute<M, ?> via, NumericAttribute<?, V> remote) {
            super(via, remote);
        }
    }

    private static final class IntegralPath<M, V extends Number & Comparable<? super V>> extends IntegralAttribute<M, V> {
        IntegralPath(RefAttribute<M, ?> via, IntegralAttribute<?, V> remote) {
            super(via, remote);
        }
    }

    private static final class TextPath<M> extends TextAttribute<M> {
        TextPath(RefAttribute<M, ?> via, TextAttribute<?> remote) {
            super(via, remote);
        }
    }

    private static final class BooleanPath<M> extends BooleanAttribute<M> {
        BooleanPath(RefAttribute<M, ?> via, BooleanAttribute<?> remote) {
            super(via, remote);
        }
    }
}
