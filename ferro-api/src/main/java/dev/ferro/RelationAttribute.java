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

    /**
     * The rows with at least one related row that matches: {@code users.where(User_.posts.any(Post_.published.isTrue()))}.
     * An {@code IN} subquery over the related table ({@code "id" IN (SELECT "author_id" FROM "posts" WHERE ...)}), so a
     * row with many matching related rows is still one row.
     */
    public Condition<M> any(Condition<T> condition) {
        return new Condition.Related<>(this, Objects.requireNonNull(condition, "condition"), false);
    }

    /** The rows with at least one related row. */
    public Condition<M> any() {
        return new Condition.Related<>(this, null, false);
    }

    /** The rows with no related row that matches (those with no related rows at all among them). */
    public Condition<M> none(Condition<T> condition) {
        return new Condition.Related<>(this, Objects.requireNonNull(condition, "condition"), true);
    }

    /** The rows with no related row. */
    public Condition<M> none() {
        return new Condition.Related<>(this, null, true);
    }

    /** The number of related rows, to compare: {@code User_.posts.count().ge(2)}; 0 for a row with none. */
    public RelatedCount<M> count() {
        return new RelatedCount<>(this, null);
    }

    /** The number of related rows that match, to compare: {@code User_.posts.count(Post_.published.isTrue()).eq(0)}. */
    public RelatedCount<M> count(Condition<T> condition) {
        return new RelatedCount<>(this, Objects.requireNonNull(condition, "condition"));
    }

    /** How many related rows a row has (of those matching a condition, if given), compared with a number. */
    public static final class RelatedCount<M> {
        private final RelationAttribute<M, ?> relation;
        private final Condition<?> condition;

        private RelatedCount(RelationAttribute<M, ?> relation, Condition<?> condition) {
            this.relation = relation;
            this.condition = condition;
        }

        public Condition<M> eq(long count) {
            return compare(Condition.Operator.EQ, count);
        }

        public Condition<M> ne(long count) {
            return compare(Condition.Operator.NE, count);
        }

        public Condition<M> lt(long count) {
            return compare(Condition.Operator.LT, count);
        }

        public Condition<M> le(long count) {
            return compare(Condition.Operator.LE, count);
        }

        public Condition<M> gt(long count) {
            return compare(Condition.Operator.GT, count);
        }

        public Condition<M> ge(long count) {
            return compare(Condition.Operator.GE, count);
        }

        private Condition<M> compare(Condition.Operator operator, long count) {
            return new Condition.RelatedCount<>(relation, condition, operator, count);
        }
    }

    @Override
    public String toString() {
        return model.getSimpleName() + "." + name;
    }
}
