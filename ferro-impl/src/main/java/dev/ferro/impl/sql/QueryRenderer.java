package dev.ferro.impl.sql;

import dev.ferro.Aggregate;
import dev.ferro.Assignment;
import dev.ferro.Attribute;
import dev.ferro.Condition;
import dev.ferro.Expression;
import dev.ferro.Order;
import dev.ferro.impl.metadata.FieldMetadata;
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
        ConditionSql.Params params = new ConditionSql.Params();
        List<Object> tokens = new ArrayList<>();
        for (SelectedColumn column : columns) {
            addTokens(column.expression(), sql, tokens);
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
                params.add(field, ConditionSql.checked(field, value.value()), sql);
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
                params.add(field, ConditionSql.checked(field, arithmetic.operand()), sql);
            }
        }
        tokens.add('|');
        if (spec.scope() != null) {
            tokens.add(spec.scope().sql());
            params.values.add(spec.scope().key());
            params.binders.add(spec.scope().binder());
        }
        for (Condition<M> condition : spec.conditions()) {
            ConditionSql.collect(condition, sql, tokens, params, null);
        }
        tokens.add('|');
        for (FieldMetadata field : groupBy) {
            tokens.add(field.name());
        }
        tokens.add('|');
        for (Condition<M> condition : spec.having()) {
            ConditionSql.collect(condition, sql, tokens, params, groupBy);
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
        if (kind == Kind.SELECT) {
            for (dev.ferro.RefAttribute<M, ?> join : spec.joins()) {
                tokens.add(sql.field(join).name());
            }
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
        boolean joined = kind == Kind.SELECT && !spec.joins().isEmpty();
        switch (kind) {
            case SELECT -> out.append(joined ? joinedColumns(sql, spec) + " FROM (" + sql.selectFrom() : sql.selectFrom());
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
                        out.append(sql.quotedColumn(sql.field(copy.source())));
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
                ConditionSql.append(out, condition, sql, sql.table(), 0);
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
                    ConditionSql.append(out, spec.having().get(i), sql, sql.table(), 0);
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
        if (joined) {
            appendJoins(out, sql, spec);
        }
        return out.toString();
    }

    /**
     * A join's select list: {@code SELECT ferro_r.*, ferro_j1."id", ferro_j1."name", ...}, the query's rows (a derived
     * table, so that its conditions and order keep naming the model's own columns unqualified) and each joined
     * model's columns, in the order the hydrators read them.
     */
    private static <M> String joinedColumns(ModelSql<M> sql, QuerySpec<M> spec) {
        StringBuilder out = new StringBuilder("SELECT ferro_r.*");
        for (int i = 0; i < spec.joins().size(); i++) {
            ModelSql<?> target = joined(sql, spec.joins().get(i));
            for (FieldMetadata field : target.fields()) {
                out.append(", ferro_j").append(i + 1).append('.').append(target.quotedColumn(field));
            }
        }
        return out.toString();
    }

    /** {@code ) ferro_r LEFT JOIN "users" ferro_j1 ON ferro_j1."id" = ferro_r."author_id" ... ORDER BY ferro_r...}. */
    private static <M> void appendJoins(StringBuilder out, ModelSql<M> sql, QuerySpec<M> spec) {
        out.append(") ferro_r");
        for (int i = 0; i < spec.joins().size(); i++) {
            ModelSql<?> target = joined(sql, spec.joins().get(i));
            String alias = "ferro_j" + (i + 1);
            out.append(" LEFT JOIN ").append(target.table()).append(' ').append(alias).append(" ON ").append(alias).append('.')
                    .append(target.idColumn()).append(" = ferro_r.").append(sql.quotedColumn(sql.field(spec.joins().get(i))));
        }
        appendOrder(out, sql, spec, List.of(), "ferro_r");
    }

    /** The model a joined foreign key points at. */
    public static ModelSql<?> joined(ModelSql<?> sql, dev.ferro.RefAttribute<?, ?> join) {
        return sql.related().sql(sql.field(join).foreignKey().target());
    }

    /** Paging without an order would return rows in no stable order, so it falls back to the id, or the groups' columns. */
    private static <M> void appendOrder(StringBuilder out, ModelSql<M> sql, QuerySpec<M> spec, List<FieldMetadata> groupBy) {
        appendOrder(out, sql, spec, groupBy, null);
    }

    /** {@code row} qualifies the model's columns (the alias of a joined query's rows), or is null. */
    private static <M> void appendOrder(StringBuilder out, ModelSql<M> sql, QuerySpec<M> spec, List<FieldMetadata> groupBy,
                                        String row) {
        if (spec.orders().isEmpty()) {
            if (spec.paged() && groupBy.isEmpty()) {
                out.append(" ORDER BY ").append(row == null ? "" : row + ".").append(sql.idColumn());
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
            String column = expression(sql, order.expression(), row);
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
     * The SQL of a column, of a path to a related model's column, or of an aggregate over a column: {@code "views"},
     * {@code SUM("views")}, {@code COUNT(*)}, and for {@code Post_.author.to(User_.name)} the related row's value,
     * NULL without one: {@code (SELECT ferro_p1."name" FROM "users" ferro_p1 WHERE ferro_p1."id" = "posts"."author_id")}.
     */
    static String expression(ModelSql<?> sql, Expression<?, ?> expression) {
        return expression(sql, expression, null);
    }

    /** {@code row}, when not null, qualifies the model's columns: a joined query's alias for its rows. */
    private static String expression(ModelSql<?> sql, Expression<?, ?> expression, String row) {
        if (expression instanceof Attribute<?, ?> attribute && attribute.via() != null) {
            return path(sql, attribute, row == null ? sql.table() : row);
        }
        if (expression instanceof Attribute<?, ?> attribute) {
            return (row == null ? "" : row + ".") + sql.quotedColumn(sql.field(attribute));
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

    /** A correlated scalar subquery per foreign key of the path, from the last (which reads the column) in. */
    private static String path(ModelSql<?> sql, Attribute<?, ?> path, String row) {
        List<dev.ferro.RefAttribute<?, ?>> hops = ConditionSql.hopsOf(path);
        List<ModelSql<?>> models = ConditionSql.models(sql, hops);
        String reference = row + "." + sql.quotedColumn(sql.field(hops.get(0)));
        for (int i = 1; i <= hops.size(); i++) {
            ModelSql<?> model = models.get(i);
            String alias = "ferro_p" + i;
            FieldMetadata read = i < hops.size() ? model.field(hops.get(i)) : model.field(leaf(path));
            reference = "(SELECT " + alias + "." + model.quotedColumn(read) + " FROM " + model.table() + " " + alias
                    + " WHERE " + alias + "." + model.idColumn() + " = " + reference + ")";
        }
        return reference;
    }

    /** The related model's own column at the end of a path. */
    static Attribute<?, ?> leaf(Attribute<?, ?> path) {
        Attribute<?, ?> leaf = path;
        while (leaf.via() != null) {
            leaf = leaf.remote();
        }
        return leaf;
    }

    static void addTokens(Expression<?, ?> expression, ModelSql<?> sql, List<Object> tokens) {
        if (expression instanceof Attribute<?, ?> attribute && attribute.via() != null) {
            tokens.add("PATH");
            tokens.add(attribute.toString());
        } else if (expression instanceof Aggregate<?, ?> aggregate) {
            tokens.add(aggregate.function());
            tokens.add(aggregate.attribute() == null ? "*" : sql.field(aggregate.attribute()).name());
        } else {
            tokens.add(sql.field((Attribute<?, ?>) expression).name());
        }
    }

}
