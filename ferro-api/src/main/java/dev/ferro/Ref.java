package dev.ferro;

import java.util.Objects;

/**
 * A lazy handle on at most one row of model {@code T}: the target of a {@link ForeignKey}, or the
 * reverse side of a unique one ({@link BackRef}).
 *
 * <p>{@link #id()} needs no query. {@link #get()} loads the target on first use, through the
 * current unit of work (so the identity map answers when it already holds the row), and keeps it:
 * later calls return the same instance without SQL. It works inside or outside a transaction,
 * with or without CDI; there is no lazy-initialization error. {@code prefetch} fills it in advance.
 *
 * <p>To point a foreign key somewhere, assign {@link #of(Object)} (a model, saved or not yet) or
 * {@link #ofId(Object)} (a key). A null field means "no target".
 *
 * <p>In JSON-B a {@code Ref} is written as its target's id whenever that needs no query: always
 * for a foreign key, and for the reverse side of a one-to-one once it is loaded (else the property
 * is left out). Reading JSON, an id becomes {@link #ofId(Object)}.
 *
 * @param <T> the target model
 */
@jakarta.json.bind.annotation.JsonbTypeAdapter(JsonAdapters.RefAdapter.class)
public interface Ref<T> {

    /** A reference to this model; its {@link #id()} is the model's id as it is when asked (null while unsaved). */
    static <T> Ref<T> of(T model) {
        return new Refs.ToModel<>(Objects.requireNonNull(model, "Ref.of(null): assign null to the field instead"));
    }

    /** A reference by key, to a row of the field's target model. */
    static <T> Ref<T> ofId(Object id) {
        return new Refs.ToKey<>(Objects.requireNonNull(id, "Ref.ofId(null): assign null to the field instead"));
    }

    /**
     * The target's id, without a query: typed like the target's {@code @Id} ({@code Long id = post.author.id();}).
     * Null for {@code Ref.of} a model that has no id yet; for the reverse side of a one-to-one,
     * the id of the row found by {@link #get()}, loading it first, or null when there is none.
     */
    <K> K id();

    /**
     * The target, loaded on first call and kept.
     *
     * @return null only on the reverse side of a one-to-one when no row points here
     * @throws ModelNotFoundException when no row has the foreign key's value any more
     * @throws IllegalStateException for a {@link #ofId} reference that no Ferro has read or written yet
     */
    T get();

    /** Whether {@link #get()} would answer without SQL. */
    boolean isLoaded();

    /** Whether {@link #id()} would answer without SQL: always for a foreign key, once loaded for a reverse side. */
    boolean idKnown();
}
