package dev.ferro;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A typed column of a model, as generated into the metamodel class {@code M_}
 * ({@code User_.email}). It builds conditions, orderings and assignments that the compiler checks.
 *
 * @param <M> the model
 * @param <T> the Java type of the field
 */
public non-sealed class Attribute<M, T> implements Expression<M, T> {
    private final Class<M> model;
    private final String name;
    private final Class<T> type;
    private final RefAttribute<M, ?> via;
    private final Attribute<?, T> remote;

    public Attribute(Class<M> model, String name, Class<T> type) {
        this.model = Objects.requireNonNull(model, "model");
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.via = null;
        this.remote = null;
    }

    /**
     * The column {@code remote} of the row that the foreign key {@code via} points at, as an attribute of
     * {@code via}'s model: a path ({@link RefAttribute#to}).
     */
    protected Attribute(RefAttribute<M, ?> via, Attribute<?, T> remote) {
        this.model = via.model();
        this.name = via.name() + "." + remote.name();
        this.type = remote.type();
        this.via = via;
        this.remote = remote;
        if (remote.model() != via.target()) {
            throw new IllegalArgumentException(via + " points at " + via.target().getSimpleName() + ", and " + remote
                    + " is not one of its attributes");
        }
    }

    /** For a path ({@code Post_.author.to(User_.name)}), the foreign key it follows; null for the model's own column. */
    public RefAttribute<M, ?> via() {
        return via;
    }

    /** For a path, the attribute of the related model it reads ({@code User_.name}); null for the model's own column. */
    public Attribute<?, T> remote() {
        return remote;
    }

    /** The model class this attribute belongs to. */
    public Class<M> model() {
        return model;
    }

    /** The Java field name (not the column name); for a path, the names along it ({@code author.name}). */
    public String name() {
        return name;
    }

    /** The field's Java type, boxed for primitives. */
    @Override
    public Class<T> type() {
        return type;
    }

    /** {@code = value}; a null value means {@code IS NULL}. */
    public Condition<M> eq(T value) {
        return value == null ? new Condition.IsNull<>(this, false) : new Condition.Compare<>(this, Condition.Operator.EQ, value);
    }

    /** {@code <> value} (rows where the column is NULL do not match, as in SQL); null means {@code IS NOT NULL}. */
    public Condition<M> ne(T value) {
        return value == null ? new Condition.IsNull<>(this, true) : new Condition.Compare<>(this, Condition.Operator.NE, value);
    }

    public Condition<M> isNull() {
        return new Condition.IsNull<>(this, false);
    }

    public Condition<M> isNotNull() {
        return new Condition.IsNull<>(this, true);
    }

    /** {@code IN (...)}; an empty collection matches nothing. A null value is refused: use {@link #isNull()}. */
    public Condition<M> in(Collection<? extends T> values) {
        return new Condition.In<>(this, nonNullValues(values, "in"), false);
    }

    @SafeVarargs
    public final Condition<M> in(T... values) {
        return in(Arrays.asList(values));
    }

    /** {@code NOT IN (...)}; an empty collection matches every row. A null value is refused: use {@link #isNotNull()}. */
    public Condition<M> notIn(Collection<? extends T> values) {
        return new Condition.In<>(this, nonNullValues(values, "notIn"), true);
    }

    @SafeVarargs
    public final Condition<M> notIn(T... values) {
        return notIn(Arrays.asList(values));
    }

    /** {@code SET column = value} for {@link Query#update(Assignment)}; null sets the column to NULL. */
    /**
     * {@code IN (SELECT ...)}: the values of another query's column ({@code User_.id.in(posts.where(...).select(...))}),
     * rendered into this statement with its values bound. The subquery's NULLs are left out, so that {@link #notIn}
     * of it is exactly the other rows; it may be grouped, and may not have a limit or offset (MariaDB refuses them).
     */
    public Condition<M> in(Projection<? extends T> subquery) {
        return new Condition.InQuery<>(this, java.util.Objects.requireNonNull(subquery, "subquery"), false);
    }

    /** {@code NOT IN (SELECT ...)} of another query's column, its NULLs left out; see {@link #in(Projection)}. */
    public Condition<M> notIn(Projection<? extends T> subquery) {
        return new Condition.InQuery<>(this, java.util.Objects.requireNonNull(subquery, "subquery"), true);
    }

    public Assignment<M> set(T value) {
        return new Assignment.Value<>(this, value);
    }

    /** {@code SET column = source_column} for {@link Query#update(Assignment)}: each row takes its own value of {@code source}. */
    public Assignment<M> setFrom(Attribute<M, ? extends T> source) {
        return new Assignment.Copy<>(this, source);
    }

    /**
     * The values of an IN list, copied. A null among them is an error naming the attribute (rather
     * than List.copyOf's bare NullPointerException): IN never matches NULL, and NOT IN with a NULL
     * matches nothing, so it is always a mistake.
     */
    private List<T> nonNullValues(Collection<? extends T> values, String operation) {
        Objects.requireNonNull(values, "values");
        for (T value : values) {
            if (value == null) {
                throw new IllegalArgumentException(this + "." + operation
                        + "(...) got a null value; SQL IN never matches NULL: use isNull()");
            }
        }
        return List.copyOf(values);
    }

    @Override
    public String toString() {
        return model.getSimpleName() + "." + name;
    }
}
