package dev.ferro;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A filter on a model, built from its metamodel attributes ({@code User_.age.ge(18)}) and combined
 * with {@link #and}, {@link #or} and {@link #not}. Conditions are immutable values; the
 * implementation turns them into SQL with every value bound as a parameter.
 *
 * @param <M> the model the condition filters
 */
public sealed interface Condition<M> {

    default Condition<M> and(Condition<M> other) {
        return Condition.and(this, other);
    }

    default Condition<M> or(Condition<M> other) {
        return Condition.or(this, other);
    }

    default Condition<M> not() {
        return new Not<>(this);
    }

    @SafeVarargs
    static <M> Condition<M> and(Condition<M>... terms) {
        return new And<>(flatten(terms, And.class));
    }

    @SafeVarargs
    static <M> Condition<M> or(Condition<M>... terms) {
        return new Or<>(flatten(terms, Or.class));
    }

    static <M> Condition<M> not(Condition<M> term) {
        return new Not<>(term);
    }

    @SuppressWarnings("unchecked")
    private static <M> List<Condition<M>> flatten(Condition<M>[] terms, Class<?> kind) {
        List<Condition<M>> flat = new ArrayList<>(terms.length);
        for (Condition<M> term : terms) {
            Objects.requireNonNull(term, "condition");
            if (kind.isInstance(term)) {
                flat.addAll(kind == And.class ? ((And<M>) term).terms() : ((Or<M>) term).terms());
            } else {
                flat.add(term);
            }
        }
        return List.copyOf(flat);
    }

    /** The comparison operators. */
    enum Operator {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        /** The SQL operator. */
        public String symbol() {
            return symbol;
        }
    }

    /** {@code attribute <op> value}, value never null. */
    record Compare<M>(Attribute<M, ?> attribute, Operator operator, Object value) implements Condition<M> {
        public Compare {
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code attribute [NOT] IN (values)}. */
    /** An aggregate compared with a value, for {@link Query#having}; refused in {@link Query#where}. */
    record AggregateCompare<M>(Aggregate<M, ?> aggregate, Operator operator, Object value) implements Condition<M> {
        public AggregateCompare {
            Objects.requireNonNull(aggregate, "aggregate");
            Objects.requireNonNull(value, "value");
        }
    }

    /** Whether a row has a related row (that matches {@code condition}, when not null); none of them when negated. */
    record Related<M>(RelationAttribute<M, ?> relation, Condition<?> condition, boolean negated) implements Condition<M> {
        public Related {
            Objects.requireNonNull(relation, "relation");
        }
    }

    /** The number of a row's related rows (that match {@code condition}, when not null) compared with {@code count}. */
    record RelatedCount<M>(RelationAttribute<M, ?> relation, Condition<?> condition, Operator operator, long count)
            implements Condition<M> {
        public RelatedCount {
            Objects.requireNonNull(relation, "relation");
            Objects.requireNonNull(operator, "operator");
        }
    }

    /** A column's value among the values of another query's column ({@link Attribute#in(Projection)}). */
    record InQuery<M>(Attribute<M, ?> attribute, Projection<?> subquery, boolean negated) implements Condition<M> {
    }

    record In<M>(Attribute<M, ?> attribute, List<?> values, boolean negated) implements Condition<M> {
    }

    /** {@code attribute IS [NOT] NULL}. */
    record IsNull<M>(Attribute<M, ?> attribute, boolean negated) implements Condition<M> {
    }

    /** {@code attribute BETWEEN low AND high}. */
    record Between<M>(Attribute<M, ?> attribute, Object low, Object high) implements Condition<M> {
    }

    /**
     * {@code attribute LIKE pattern}; when {@code escaped}, the pattern escapes its literal
     * {@code % _ !} with {@link TextAttribute#LIKE_ESCAPE}.
     */
    record Like<M>(Attribute<M, ?> attribute, String pattern, boolean escaped, boolean ignoreCase) implements Condition<M> {
        public Like(Attribute<M, ?> attribute, String pattern, boolean escaped) {
            this(attribute, pattern, escaped, false);
        }

    }

    /** All terms hold; no terms means true. */
    record And<M>(List<Condition<M>> terms) implements Condition<M> {
    }

    /** At least one term holds; no terms means false. */
    record Or<M>(List<Condition<M>> terms) implements Condition<M> {
    }

    /** The term does not hold. */
    record Not<M>(Condition<M> term) implements Condition<M> {
    }
}
