package dev.ferro.impl.sql;

import dev.ferro.Aggregate;
import dev.ferro.Assignment;
import dev.ferro.Attribute;
import dev.ferro.Condition;
import dev.ferro.Expression;
import dev.ferro.InvalidQueryException;
import dev.ferro.Order;
import dev.ferro.impl.metadata.FieldMetadata;
import dev.ferro.impl.metadata.Unstorable;
import dev.ferro.impl.metadata.ValueKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a query becomes SQL: {@code where(...)}, {@code orderBy(...)}, {@code limit/offset},
 * {@code count}, {@code exists}, the columns and aggregates of a projection ({@code select(...)}), {@code groupBy} and
 * {@code having}, bulk {@code update} and {@code delete}.
 *
 * <p>Each call walks the query once, collecting its values (always bound, never inlined) and a
 * shape key (which columns, operators and list sizes, no values); the SQL text of a shape is
 * rendered once per model and then taken from {@link ModelSql}'s cache.
 */
public final class QueryRenderer {
    private enum Kind { SELECT, PROJECT, COUNT, EXISTS, UPDATE, DELETE }

    private record Shape(Kind kind, List<Object> tokens) {
    }

    private QueryRenderer() {
    }

    public static <M> Statement select(ModelSql<M> sql, QuerySpec<M> spec) {
        return render(Kind.SELECT, sql, spec, List.of());
    }

    /**
     * {@code SELECT <these columns> FROM ...}, with the query's conditions, grouping, order, paging and lock. The
     * aggregates of an ungrouped query with a limit or offset aggregate that page: {@code SELECT SUM("views") FROM
     * (SELECT "views" FROM "post" ... LIMIT ?) paged}.
     */
    public static <M> Statement project(ModelSql<M> sql, QuerySpec<M> spec, List<SelectedColumn> columns) {
        return render(Kind.PROJECT, sql, spec, List.of(), columns);
    }

    public static <M> Statement count(ModelSql<M> sql, QuerySpec<M> spec) {
        return render(Kind.COUNT, sql, spec, List.of());
    }

    public static <M> Statement exists(ModelSql<M> sql, QuerySpec<M> spec) {
        return render(Kind.EXISTS, sql, spec, List.of());
    }

    public static <M> Statement update(ModelSql<M> sql, QuerySpec<M> spec, List<Assignment<M>> assignments) {
        return render(Kind.UPDATE, sql, spec, assignments);
    }

    public static <M> Statement delete(ModelSql<M> sql, QuerySpec<M> spec) {
        return render(Kind.DELETE, sql, spec, List.of());
    }

    private static <M> Statement render(Kind kind, ModelSql<M> sql, QuerySpec<M> spec, List<Assignment<M>> assignments) {
        return render(kind, sql, spec, assignments, List.of());
    }

    private static <M> Statement render(Kind kind, ModelSql<M> sql, QuerySpec<M> spec, List<Assignment<M>> assignments,
                                        List<SelectedColumn> columns) {
        Params params = new Params();
        List<Object> tokens = new ArrayList<>();
        for (SelectedColumn column : columns) {
            tokens.add(column.function());
            tokens.add(column.field() == null ? "*" : column.field().name());
        }
        List<FieldMetadata> groupBy = Grouping.check(kind == Kind.PROJECT, sql, spec, columns);
        for (Assignment<M> assignment : assignments) {
            FieldMetadata field = sql.field(assignment.attribute());
            if (field.isId()) {
                throw new IllegalArgumentException("Bulk update cannot change the id " + field);
            }
            if (field == sql.model().version()) {
                throw new IllegalArgumentException("Bulk update cannot set the @Version " + field
                        + ": Ferro adds 1 to it in every row the update changes");
            }
            tokens.add(field.name());
            if (assignment instanceof Assignment.Value<M, ?> value) {
                params.add(field, checked(field, value.value()), sql);
            } else if (assignment instanceof Assignment.Copy<M, ?> copy) {
                tokens.add(sql.field(copy.source()).name());
            } else if (assignment instanceof Assignment.Arithmetic<M, ?> arithmetic) {
                String inexact = field.kind() == ValueKind.DECIMAL ? sql.dialect().inexactDecimalArithmetic() : null;
                if (inexact != null) {
                    throw new dev.ferro.InvalidQueryException(field + "." + arithmetic.operator().name().toLowerCase(java.util.Locale.ROOT)
                            + "(...) is refused: " + inexact + ", which would change the value; read, change and save"
                            + " the rows in a transaction instead");
                }
                tokens.add(arithmetic.operator());
                params.add(field, checked(field, arithmetic.operand()), sql);
            }
        }
        tokens.add('|');
        if (spec.scope() != null) {
            tokens.add(spec.scope().sql());
            params.values.add(spec.scope().key());
            params.binders.add(spec.scope().binder());
        }
        for (Condition<M> condition : spec.conditions()) {
            collect(condition, sql, tokens, params, null);
        }
        tokens.add('|');
        for (FieldMetadata field : groupBy) {
            tokens.add(field.name());
        }
        tokens.add('|');
        for (Condition<M> condition : spec.having()) {
            collect(condition, sql, tokens, params, groupBy);
        }
        tokens.add('|');
        for (Order<M> order : spec.orders()) {
            addTokens(order.expression(), sql, tokens);
            tokens.add(order.descending());
            tokens.add(order.nulls());
        }
        if (selects(kind) || kind == Kind.COUNT || kind == Kind.EXISTS) {
            boolean limited = kind == Kind.EXISTS || spec.hasLimit();
            boolean offset = spec.hasOffset();
            boolean offsetFirst = sql.dialect().paging(limited, offset).offsetFirst();
            if (offset && offsetFirst) {
                params.add(ValueKind.LONG, spec.offset(), sql);
            }
            if (limited) {
                params.add(ValueKind.LONG, kind == Kind.EXISTS ? 1L : spec.limit(), sql);
            }
            if (offset && !offsetFirst) {
                params.add(ValueKind.LONG, spec.offset(), sql);
            }
            tokens.add(limited);
            tokens.add(offset);
        }
        if (selects(kind) && spec.lock() != null) {
            tokens.add(spec.lock());
        }
        String text = sql.statement(new Shape(kind, tokens), () -> text(kind, sql, spec, assignments, columns, groupBy));
        return new Statement(text, params.values.toArray(), params.binders.toArray(ValueBinder[]::new));
    }

    /** The kinds that read rows: a model's every column, or a projection's. */
    private static boolean selects(Kind kind) {
        return kind == Kind.SELECT || kind == Kind.PROJECT;
    }

    private static <M> String text(Kind kind, ModelSql<M> sql, QuerySpec<M> spec, List<Assignment<M>> assignments,
                                   List<SelectedColumn> columns, List<FieldMetadata> groupBy) {
        StringBuilder out = new StringBuilder(128);
        Dialect dialect = sql.dialect();
        // An ungrouped query's aggregates give one row: its order only matters to the page they aggregate.
        boolean aggregated = groupBy.isEmpty() && Grouping.aggregates(columns);
        boolean pageAggregated = aggregated && spec.paged();
        boolean wrapped = pageAggregated || (kind == Kind.COUNT && (spec.paged() || !groupBy.isEmpty()));
        switch (kind) {
            case SELECT -> out.append(sql.selectFrom());
            case PROJECT -> {
                out.append("SELECT ");
                for (int i = 0; i < columns.size(); i++) {
                    out.append(i == 0 ? "" : ", ").append(expression(sql, columns.get(i).expression()));
                }
                if (pageAggregated) {
                    out.append(" FROM (SELECT ").append(Grouping.aggregatedColumns(sql, columns));
                }
                out.append(" FROM ").append(sql.table());
            }
            case COUNT -> out.append(wrapped ? "SELECT COUNT(*) FROM (SELECT 1 AS one FROM " : "SELECT COUNT(*) FROM ").append(sql.table());
            case EXISTS -> out.append("SELECT 1 FROM ").append(sql.table());
            case UPDATE -> {
                out.append("UPDATE ").append(sql.table()).append(" SET ");
                for (int i = 0; i < assignments.size(); i++) {
                    Assignment<M> assignment = assignments.get(i);
                    String column = sql.quotedColumn(sql.field(assignment.attribute()));
                    out.append(i == 0 ? "" : ", ").append(column).append(" = ");
                    if (assignment instanceof Assignment.Copy<M, ?> copy) {
                        out.append(column(sql, copy.source()));
                    } else if (assignment instanceof Assignment.Arithmetic<M, ?> arithmetic) {
                        out.append(column).append(' ').append(arithmetic.operator().symbol()).append(" ?");
                    } else {
                        out.append('?');
                    }
                }
                FieldMetadata version = sql.model().version();
                if (version != null) {
                    String column = sql.quotedColumn(version);
                    out.append(", ").append(column).append(" = ").append(column).append(" + 1");
                }
            }
            case DELETE -> out.append("DELETE FROM ").append(sql.table());
        }
        if (spec.filtered()) {
            out.append(" WHERE ");
            boolean first = true;
            if (spec.scope() != null) {
                out.append(spec.scope().sql());
                first = false;
            }
            for (Condition<M> condition : spec.conditions()) {
                if (!first) {
                    out.append(" AND ");
                }
                first = false;
                appendCondition(out, condition, sql);
            }
        }
        if (!groupBy.isEmpty()) {
            out.append(" GROUP BY ");
            for (int i = 0; i < groupBy.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(sql.quotedColumn(groupBy.get(i)));
            }
            if (!spec.having().isEmpty()) {
                out.append(" HAVING ");
                for (int i = 0; i < spec.having().size(); i++) {
                    out.append(i == 0 ? "" : " AND ");
                    appendCondition(out, spec.having().get(i), sql);
                }
            }
        }
        if ((selects(kind) && (!aggregated || pageAggregated)) || (kind != Kind.UPDATE && kind != Kind.DELETE && spec.paged())) {
            appendOrder(out, sql, spec, groupBy);
        }
        if (selects(kind) || kind == Kind.COUNT || kind == Kind.EXISTS) {
            out.append(dialect.paging(kind == Kind.EXISTS || spec.hasLimit(), spec.hasOffset()).clause());
        }
        if (kind == Kind.COUNT && wrapped) {
            out.append(") counted");
        }
        if (pageAggregated) {
            out.append(") paged");
        }
        if (selects(kind) && spec.lock() != null) {
            out.append(dialect.forUpdate(spec.lock()));
        }
        return out.toString();
    }

    /** Paging without an order would return rows in no stable order, so it falls back to the id, or the groups' columns. */
    private static <M> void appendOrder(StringBuilder out, ModelSql<M> sql, QuerySpec<M> spec, List<FieldMetadata> groupBy) {
        if (spec.orders().isEmpty()) {
            if (spec.paged() && groupBy.isEmpty()) {
                out.append(" ORDER BY ").append(sql.idColumn());
            } else if (spec.paged()) {
                out.append(" ORDER BY ");
                for (int i = 0; i < groupBy.size(); i++) {
                    out.append(i == 0 ? "" : ", ").append(sql.quotedColumn(groupBy.get(i)));
                }
            }
            return;
        }
        Dialect dialect = sql.dialect();
        out.append(" ORDER BY ");
        boolean first = true;
        for (Order<M> order : spec.orders()) {
            String column = expression(sql, order.expression());
            if (!first) {
                out.append(", ");
            }
            first = false;
            if (order.nulls() != Order.Nulls.DEFAULT && !dialect.supportsNullsOrdering()) {
                out.append("CASE WHEN ").append(column).append(" IS NULL THEN ")
                        .append(order.nulls() == Order.Nulls.FIRST ? "0 ELSE 1" : "1 ELSE 0").append(" END, ");
            }
            out.append(column).append(order.descending() ? " DESC" : " ASC");
            if (order.nulls() != Order.Nulls.DEFAULT && dialect.supportsNullsOrdering()) {
                out.append(order.nulls() == Order.Nulls.FIRST ? " NULLS FIRST" : " NULLS LAST");
            }
        }
    }

    /**
     * The tokens and values of a condition; {@code groupBy} is null in {@code where(...)}, where aggregates are
     * refused, and the grouped columns in {@code having(...)}, whose plain conditions must test those.
     */
    private static <M> void collect(Condition<M> condition, ModelSql<M> sql, List<Object> tokens, Params params,
                                    List<FieldMetadata> groupBy) {
        if (groupBy != null) {
            Grouping.checkHavingColumn(condition, sql, groupBy);
        }
        if (condition instanceof Condition.AggregateCompare<M> compare) {
            if (groupBy == null) {
                throw new InvalidQueryException("where(" + compare.aggregate() + " " + compare.operator().symbol()
                        + " ...) is refused: a condition on an aggregate filters groups, in having(...) after groupBy(...)");
            }
            addTokens(compare.aggregate(), sql, tokens);
            tokens.add(compare.operator());
            addAggregateValue(compare.aggregate(), compare.value(), sql, params);
        } else if (condition instanceof Condition.Compare<M> compare) {
            FieldMetadata field = sql.field(compare.attribute());
            tokens.add(field.name());
            tokens.add(compare.operator());
            params.add(field, checked(field, compare.value()), sql);
        } else if (condition instanceof Condition.In<M> in) {
            FieldMetadata field = sql.field(in.attribute());
            tokens.add(in.negated() ? "NOT IN" : "IN");
            tokens.add(field.name());
            tokens.add(in.values().size());
            for (Object value : in.values()) {
                if (value == null) {
                    throw new IllegalArgumentException(field + (in.negated() ? ".notIn" : ".in")
                            + "(...) got a null value; SQL IN never matches NULL: use isNull()");
                }
                params.add(field, checked(field, value), sql);
            }
        } else if (condition instanceof Condition.IsNull<M> isNull) {
            tokens.add(isNull.negated() ? "NOT NULL" : "NULL");
            tokens.add(sql.field(isNull.attribute()).name());
        } else if (condition instanceof Condition.Between<M> between) {
            FieldMetadata field = sql.field(between.attribute());
            tokens.add("BETWEEN");
            tokens.add(field.name());
            params.add(field, checked(field, between.low()), sql);
            params.add(field, checked(field, between.high()), sql);
        } else if (condition instanceof Condition.Like<M> like) {
            FieldMetadata field = sql.field(like.attribute());
            tokens.add(like.escaped() ? "LIKE!" : "LIKE");
            tokens.add(field.name());
            params.add(ValueKind.STRING, sql.dialect().likePattern(like.pattern(), like.escaped()), sql);
        } else if (condition instanceof Condition.And<M> and) {
            tokens.add("AND(");
            and.terms().forEach(term -> collect(term, sql, tokens, params, groupBy));
            tokens.add(")");
        } else if (condition instanceof Condition.Or<M> or) {
            tokens.add("OR(");
            or.terms().forEach(term -> collect(term, sql, tokens, params, groupBy));
            tokens.add(")");
        } else if (condition instanceof Condition.Not<M> not) {
            tokens.add("NOT(");
            collect(not.term(), sql, tokens, params, groupBy);
            tokens.add(")");
        }
    }

    private static <M> void appendCondition(StringBuilder out, Condition<M> condition, ModelSql<M> sql) {
        if (condition instanceof Condition.AggregateCompare<M> compare) {
            out.append(expression(sql, compare.aggregate())).append(' ').append(compare.operator().symbol()).append(" ?");
        } else if (condition instanceof Condition.Compare<M> compare) {
            out.append(column(sql, compare.attribute())).append(' ').append(compare.operator().symbol()).append(" ?");
        } else if (condition instanceof Condition.In<M> in) {
            if (in.values().isEmpty()) {
                out.append(in.negated() ? "1 = 1" : "1 = 0");
                return;
            }
            out.append(column(sql, in.attribute())).append(in.negated() ? " NOT IN (" : " IN (");
            for (int i = 0; i < in.values().size(); i++) {
                out.append(i == 0 ? "?" : ", ?");
            }
            out.append(')');
        } else if (condition instanceof Condition.IsNull<M> isNull) {
            out.append(column(sql, isNull.attribute())).append(isNull.negated() ? " IS NOT NULL" : " IS NULL");
        } else if (condition instanceof Condition.Between<M> between) {
            out.append(column(sql, between.attribute())).append(" BETWEEN ? AND ?");
        } else if (condition instanceof Condition.Like<M> like) {
            out.append(sql.dialect().like(column(sql, like.attribute())));
        } else if (condition instanceof Condition.And<M> and) {
            appendJunction(out, and.terms(), " AND ", "1 = 1", sql);
        } else if (condition instanceof Condition.Or<M> or) {
            appendJunction(out, or.terms(), " OR ", "1 = 0", sql);
        } else if (condition instanceof Condition.Not<M> not) {
            out.append("NOT (");
            appendCondition(out, not.term(), sql);
            out.append(')');
        }
    }

    private static <M> void appendJunction(StringBuilder out, List<Condition<M>> terms, String operator, String empty,
                                           ModelSql<M> sql) {
        if (terms.isEmpty()) {
            out.append(empty);
            return;
        }
        out.append('(');
        for (int i = 0; i < terms.size(); i++) {
            if (i > 0) {
                out.append(operator);
            }
            appendCondition(out, terms.get(i), sql);
        }
        out.append(')');
    }

    private static <M> String column(ModelSql<M> sql, Attribute<M, ?> attribute) {
        return sql.quotedColumn(sql.field(attribute));
    }

    /** The SQL of a column, or of an aggregate over one: {@code "views"}, {@code SUM("views")}, {@code COUNT(*)}. */
    private static String expression(ModelSql<?> sql, Expression<?, ?> expression) {
        if (expression instanceof Attribute<?, ?> attribute) {
            return sql.quotedColumn(sql.field(attribute));
        }
        Aggregate<?, ?> aggregate = (Aggregate<?, ?>) expression;
        if (aggregate.function() == Aggregate.Function.COUNT) {
            return "COUNT(*)";
        }
        String column = sql.quotedColumn(sql.field(aggregate.attribute()));
        return switch (aggregate.function()) {
            case COUNT_DISTINCT -> "COUNT(DISTINCT " + column + ")";
            case SUM -> "SUM(" + column + ")";
            // MariaDB's AVG of integers is a DECIMAL of 4 places and PostgreSQL's a numeric: as a double on all four.
            case AVG -> aggregate.type() == Double.class && sql.field(aggregate.attribute()).kind() != ValueKind.DOUBLE
                    ? "AVG(CAST(" + column + " AS " + sql.dialect().columnType(ValueKind.DOUBLE, 0, 0, 0) + "))"
                    : "AVG(" + column + ")";
            case MIN -> "MIN(" + column + ")";
            case MAX -> "MAX(" + column + ")";
            case COUNT -> throw new IllegalStateException("COUNT(*) has no column");
        };
    }

    private static void addTokens(Expression<?, ?> expression, ModelSql<?> sql, List<Object> tokens) {
        if (expression instanceof Aggregate<?, ?> aggregate) {
            tokens.add(aggregate.function());
            tokens.add(aggregate.attribute() == null ? "*" : sql.field(aggregate.attribute()).name());
        } else {
            tokens.add(sql.field((Attribute<?, ?>) expression).name());
        }
    }

    /**
     * A value compared with an aggregate, bound as the aggregate's type: a count's, a whole-number sum's and an
     * average's as a long or double; the others' as their column's.
     */
    private static void addAggregateValue(Aggregate<?, ?> aggregate, Object value, ModelSql<?> sql, Params params) {
        Class<?> type = aggregate.type();
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException(aggregate + " is " + type.getSimpleName() + ", got "
                    + value.getClass().getSimpleName() + " " + value);
        }
        if (type == Long.class) {
            params.add(ValueKind.LONG, value, sql);
        } else if (type == Double.class) {
            params.add(ValueKind.DOUBLE, value, sql);
        } else {
            FieldMetadata field = sql.field(aggregate.attribute());
            params.add(field, checked(field, value), sql);
        }
    }

    private static Object checked(FieldMetadata field, Object value) {
        if (field.foreignKey() != null && value != null) {
            if (!(value instanceof dev.ferro.Ref<?>)) {
                throw new IllegalArgumentException(field + " is a Ref<" + field.foreignKey().target().getSimpleName() + ">, got "
                        + value.getClass().getSimpleName() + " " + value);
            }
            value = field.foreignKey().keyOf(field, value);
        }
        if (value != null && !field.type().isInstance(value)) {
            throw new IllegalArgumentException(field + " is " + field.type().getSimpleName() + ", got "
                    + value.getClass().getSimpleName() + " " + value);
        }
        if (value == null && !field.nullable()) {
            throw new IllegalArgumentException(field + " is not nullable; cannot set it to null");
        }
        Object stored = field.toStored(value);
        // Ferro stores neither, and the databases compare them differently (MariaDB cannot bind NaN at all).
        if (Unstorable.nonFinite(stored)) {
            throw new IllegalArgumentException(field + " cannot be compared with " + value + ", which Ferro does not store");
        }
        if (stored instanceof String text && Unstorable.unpairedSurrogate(text) >= 0) {
            throw new IllegalArgumentException(field + " cannot be compared with a string holding an unpaired UTF-16"
                    + " surrogate, which the databases would turn into '?'");
        }
        return value;
    }

    /** The values of a statement and their binders, in parameter order. */
    private static final class Params {
        final List<Object> values = new ArrayList<>();
        final List<ValueBinder> binders = new ArrayList<>();

        void add(FieldMetadata field, Object value, ModelSql<?> sql) {
            values.add(value);
            binders.add(sql.binders()[indexOf(sql, field)]);
        }

        void add(ValueKind kind, Object value, ModelSql<?> sql) {
            values.add(value);
            binders.add(sql.dialect().binderFor(kind));
        }

        private static int indexOf(ModelSql<?> sql, FieldMetadata field) {
            FieldMetadata[] fields = sql.fields();
            for (int i = 0; i < fields.length; i++) {
                if (fields[i] == field) {
                    return i;
                }
            }
            throw new IllegalStateException(field + " is not a column of " + sql.model());
        }
    }
}
