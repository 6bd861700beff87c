package dev.ferro;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Relations to load along with a query's rows, in one extra query per relation and level instead
 * of one per row: a single relationship ({@code Post_.author}, {@code Post_.tags}), or a path
 * through several ({@code Prefetch.path(User_.posts, Post_.comments)} loads each user's posts and
 * each of those posts' comments).
 *
 * @param <M> the model the path starts from
 */
public interface Prefetch<M> {

    /** The relationships walked, the first one on {@code M}. */
    List<Relationship<?, ?>> steps();

    /** The path through {@code first}, then {@code rest} from its target. */
    static <M, T> Prefetch<M> path(Relationship<M, T> first, Prefetch<T> rest) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(rest, "rest");
        List<Relationship<?, ?>> steps = new ArrayList<>();
        steps.add(first);
        steps.addAll(rest.steps());
        List<Relationship<?, ?>> all = List.copyOf(steps);
        return new Prefetch<>() {
            @Override
            public List<Relationship<?, ?>> steps() {
                return all;
            }

            @Override
            public String toString() {
                return all.toString();
            }
        };
    }
}
