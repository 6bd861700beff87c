package dev.ferro;

import java.util.Objects;

/**
 * One {@code SET} of a filtered {@link Query#update(Assignment)}, built from the metamodel so that
 * the compiler checks its type: {@link Attribute#set} ({@code column = ?}),
 * {@link Attribute#setFrom} ({@code column = other_column}) and {@link NumericAttribute#add},
 * {@link NumericAttribute#subtract}, {@link NumericAttribute#multiply} ({@code column = column + ?}),
 * which the database computes on the row it changes, so concurrent updates never lose one another.
 *
 * @param <M> the model
 */
public sealed interface Assignment<M> {

    /** The column assigned. */
    Attribute<M, ?> attribute();

    /** {@code column = value}; a null value sets NULL. */
    record Value<M, T>(Attribute<M, T> attribute, T value) implements Assignment<M> {
        public Value {
            Objects.requireNonNull(attribute, "attribute");
        }
    }

    /** {@code column = other_column}, both of one model. */
    record Copy<M, T>(Attribute<M, T> attribute, Attribute<M, ? extends T> source) implements Assignment<M> {
        public Copy {
            Objects.requireNonNull(attribute, "attribute");
            Objects.requireNonNull(source, "source");
        }
    }

    /** {@code column = column <operator> operand}; a row whose column is NULL stays NULL, as in SQL. */
    record Arithmetic<M, T extends Number & Comparable<? super T>>(NumericAttribute<M, T> attribute, Operator operator,
                                                                   T operand) implements Assignment<M> {
        public Arithmetic {
            Objects.requireNonNull(attribute, "attribute");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(operand, () -> attribute + "." + operator.name().toLowerCase(java.util.Locale.ROOT)
                    + "(null): the operand must not be null");
        }
    }

    /** The arithmetic of an {@link Arithmetic} assignment. */
    enum Operator {
        ADD("+"), SUBTRACT("-"), MULTIPLY("*");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        /** The SQL operator. */
        public String symbol() {
            return symbol;
        }
    }
}
