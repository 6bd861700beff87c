package dev.ferro;

import java.util.Collection;
import java.util.List;

/**
 * The rows related to one model instance: the reverse side of a {@link ForeignKey}
 * ({@link BackRef}), or a {@link ManyToMany}. A relation is a {@link Query} pre-filtered to its
 * owner, so {@code user.posts.where(...).orderBy(...).limit(5).all()}, {@code count()},
 * {@code exists()}, {@code update(...)} and {@code delete()} act on that owner's rows only.
 *
 * <p>Each call runs SQL, so the answer is never stale, except {@link #all()} on a relation filled
 * by {@code prefetch}, which answers from memory until the relation is changed through
 * {@link #add}, {@link #remove}, {@link #clear} or {@link #set}.
 *
 * <p>{@code create}, {@code createAll}, {@code getOrCreate} and {@code updateOrCreate} make the new
 * rows the owner's: their foreign key is set to the owner, or they are linked to it; so do those of
 * a query built from the relation ({@code parent.children.where(...).getOrCreate(...)}). Its
 * {@code getOrCreate} is race-safe as {@link Query#getOrCreate} is.
 *
 * <p>Ferro sets relation fields when it reads or creates a model; in a model made with
 * {@code new} and not yet saved, the field is null.
 *
 * <p>In JSON-B a relation is written as the list of its rows when it was prefetched, and left out
 * otherwise.
 *
 * @param <T> the related model
 */
@jakarta.json.bind.annotation.JsonbTypeAdapter(JsonAdapters.RelationAdapter.class)
public interface Relation<T> extends Query<T> {

    /**
     * Links these saved models (many-to-many only), in one batch.
     *
     * @throws UniqueViolationException when a link exists already; no link of the call is kept
     * @throws IllegalArgumentException when a model has no id yet
     * @throws UnsupportedOperationException on the reverse side of a foreign key: set the foreign key instead
     */
    @SuppressWarnings("unchecked")
    void add(T... targets);

    /** Unlinks these models (many-to-many only); links that do not exist are ignored. */
    @SuppressWarnings("unchecked")
    void remove(T... targets);

    /** Removes every link of the owner (many-to-many only); the related rows stay. */
    void clear();

    /** Replaces the owner's links with links to exactly these models (many-to-many only), in one transaction. */
    void set(Collection<? extends T> targets);

    /** Whether {@link #all()} would answer without SQL (after {@code prefetch}). */
    boolean isLoaded();

    /** Every related row; from memory when prefetched, in the prefetch's order. */
    @Override
    List<T> all();
}
