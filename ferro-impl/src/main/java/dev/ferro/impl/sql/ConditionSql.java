package dev.ferro.impl.sql;

import dev.ferro.Aggregate;
import dev.ferro.Attribute;
import dev.ferro.Condition;
import dev.ferro.InvalidQueryException;
import dev.ferro.RefAttribute;
import dev.ferro.RelationAttribute;
import dev.ferro.impl.metadata.FieldMetadata;
import dev.ferro.impl.metadata.JoinTable;
import dev.ferro.impl.metadata.ResolvedRelation;
import dev.ferro.impl.metadata.Unstorable;
import dev.ferro.impl.metadata.ValueKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a condition becomes SQL ({@code where(...)} and {@code having(...)}): its values, always bound, and its
 * shape tokens ({@link #collect}), then its text ({@link #append}). Conditions across relations become subqueries,
 * so that a row is never repeated:
 *
 * <ul>
 *   <li>a path ({@code Post_.author.to(User_.name).eq(v)}): {@code "author_id" IN (SELECT "id" FROM "users" WHERE
 *       "name" = ?)}, nested once per foreign key along it;</li>
 *   <li>{@code any}/{@code none} of a one-to-many relation: {@code "id" [NOT] IN (SELECT "author_id" FROM "posts" WHERE
 *       "author_id" IS NOT NULL AND ...)}; of a many-to-many, the same over the join table;</li>
 *   <li>{@code count()} of a relation: {@code (SELECT COUNT(*) FROM "posts" ferro_1 WHERE ferro_1."author_id" =
 *       "users"."id" AND ...) >= ?}, correlated through an alias so that a relation of a model to itself counts the
 *       inner rows.</li>
 * </ul>
 *
 * <p>A condition on a related model is rendered with that model's {@link ModelSql} (its table, columns and binders),
 * in a scope: the reference to the current row ({@code row}, the table or the alias) and the nesting depth that
 * numbers the aliases.
 */
final class ConditionSql {
    private ConditionSql() {
    }

    /**
     * The tokens and values of a condition; {@code groupBy} is null in {@code where(...)}, where aggregates are
     * refused, and the grouped columns in {@code having(...)}, whose plain conditions must test those.
     */
    static <M> void collect(Condition<M> condition, ModelSql<M> sql, List<Object> tokens, Params params,
                            List<FieldMetadata> groupBy) {
        if (groupBy != null) {
            Grouping.checkHavingColumn(condition, sql, groupBy);
        }
        Attribute<M, ?> attribute = attributeOf(condition);
        if (attribute != null && attribute.via() != null) {
            collectPath(condition, attribute, sql, tokens, params);
        } else if (condition instanceof Condition.Related<M> related) {
            collectRelated(related.relation(), related.condition(), related.negated() ? "NONE(" : "ANY(", sql, tokens, params);
        } else if (condition instanceof Condition.RelatedCount<M> count) {
            collectRelated(count.relation(), count.condition(), "COUNT(", sql, tokens, params);
            tokens.add(count.operator());
            params.add(ValueKind.LONG, count.count(), sql);
        } else if (condition instanceof Condition.InQuery<M> in) {
            FieldMetadata field = sql.field(in.attribute());
            Statement inner = inner(in, field);
            tokens.add(in.negated() ? "NOT IN(" : "IN(");
            tokens.add(field.name());
            tokens.add(inner.sql());
            tokens.add(")");
            for (int i = 0; i < inner.values().length; i++) {
                params.values.add(inner.values()[i]);
                params.binders.add(inner.binders()[i]);
            }
        } else if (condition instanceof Condition.AggregateCompare<M> compare) {
            if (groupBy == null) {
                throw new InvalidQueryException("where(" + compare.aggregate() + " " + compare.operator().symbol()
                        + " ...) is refused: a condition on an aggregate filters groups, in having(...) after groupBy(...)");
            }
            QueryRenderer.addTokens(compare.aggregate(), sql, tokens);
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
            tokens.add(like.ignoreCase() ? "ILIKE" : like.escaped() ? "LIKE!" : "LIKE");
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

    /** The text of a condition on the rows of {@code sql}'s model, {@code row} naming the current row in a subquery. */
    static <M> void append(StringBuilder out, Condition<M> condition, ModelSql<M> sql, String row, int depth) {
        Attribute<M, ?> attribute = attributeOf(condition);
        if (attribute != null && attribute.via() != null) {
            appendPath(out, condition, attribute, sql, depth);
        } else if (condition instanceof Condition.Related<M> related) {
            appendRelated(out, related.relation(), related.condition(), related.negated(), sql, depth);
        } else if (condition instanceof Condition.RelatedCount<M> count) {
            appendCount(out, count.relation(), count.condition(), sql, row, depth);
            out.append(' ').append(count.operator().symbol()).append(" ?");
        } else if (condition instanceof Condition.InQuery<M> in) {
            FieldMetadata field = sql.field(in.attribute());
            out.append(sql.quotedColumn(field)).append(in.negated() ? " NOT IN (" : " IN (").append(inner(in, field).sql()).append(')');
        } else if (condition instanceof Condition.AggregateCompare<M> compare) {
            out.append(QueryRenderer.expression(sql, compare.aggregate())).append(' ').append(compare.operator().symbol()).append(" ?");
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
            out.append(like.ignoreCase() ? sql.dialect().likeIgnoringCase(column(sql, like.attribute()))
                    : sql.dialect().like(column(sql, like.attribute())));
        } else if (condition instanceof Condition.And<M> and) {
            appendJunction(out, and.terms(), " AND ", "1 = 1", sql, row, depth);
        } else if (condition instanceof Condition.Or<M> or) {
            appendJunction(out, or.terms(), " OR ", "1 = 0", sql, row, depth);
        } else if (condition instanceof Condition.Not<M> not) {
            out.append("NOT (");
            append(out, not.term(), sql, row, depth);
            out.append(')');
        }
    }

    private static <M> void appendJunction(StringBuilder out, List<Condition<M>> terms, String operator, String empty,
                                           ModelSql<M> sql, String row, int depth) {
        if (terms.isEmpty()) {
            out.append(empty);
            return;
        }
        out.append('(');
        for (int i = 0; i < terms.size(); i++) {
            if (i > 0) {
                out.append(operator);
            }
            append(out, terms.get(i), sql, row, depth);
        }
        out.append(')');
    }

    private static <M> String column(ModelSql<M> sql, Attribute<M, ?> attribute) {
        return sql.quotedColumn(sql.field(attribute));
    }

    /** The column a condition tests, or null for the conditions that test none (and/or/not, relations, aggregates). */
    static <M> Attribute<M, ?> attributeOf(Condition<M> condition) {
        if (condition instanceof Condition.Compare<M> compare) {
            return compare.attribute();
        } else if (condition instanceof Condition.In<M> in) {
            return in.attribute();
        } else if (condition instanceof Condition.IsNull<M> isNull) {
            return isNull.attribute();
        } else if (condition instanceof Condition.Between<M> between) {
            return between.attribute();
        } else if (condition instanceof Condition.Like<M> like) {
            return like.attribute();
        } else if (condition instanceof Condition.InQuery<M> in) {
            return in.attribute();
        }
        return null;
    }

    /** The same test of the related model's column at the end of a path. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Condition<?> onRemote(Condition<?> condition, Attribute remote) {
        if (condition instanceof Condition.Compare<?> compare) {
            return new Condition.Compare<>(remote, compare.operator(), compare.value());
        } else if (condition instanceof Condition.In<?> in) {
            return new Condition.In<>(remote, in.values(), in.negated());
        } else if (condition instanceof Condition.IsNull<?> isNull) {
            return new Condition.IsNull<>(remote, isNull.negated());
        } else if (condition instanceof Condition.Between<?> between) {
            return new Condition.Between<>(remote, between.low(), between.high());
        }
        if (condition instanceof Condition.InQuery<?> in) {
            return new Condition.InQuery<>(remote, in.subquery(), in.negated());
        }
        Condition.Like<?> like = (Condition.Like<?>) condition;
        return new Condition.Like<>(remote, like.pattern(), like.escaped(), like.ignoreCase());
    }

    /**
     * The statement of {@code column IN (subquery)}'s subquery, its NULLs filtered out so that NOT IN is two-valued.
     *
     * @throws InvalidQueryException for a projection of several columns, a page, or a lock
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Statement inner(Condition.InQuery<?> in, FieldMetadata field) {
        if (!(in.subquery() instanceof Subquery subquery)) {
            throw new IllegalArgumentException(field + ".in(...) takes a projection of a Ferro query, got " + in.subquery());
        }
        String refused = subquery.columns().size() != 1 ? "it selects " + subquery.columns().size() + " columns, and IN compares one"
                : subquery.spec().paged() ? "it has a limit or offset, which MariaDB refuses in an IN subquery"
                : subquery.spec().lock() != null ? "it locks its rows (forUpdate)" : null;
        if (refused != null) {
            throw new InvalidQueryException(field + (in.negated() ? ".notIn" : ".in") + "(subquery) is refused: " + refused);
        }
        SelectedColumn column = subquery.columns().get(0);
        QuerySpec spec = subquery.spec();
        if (column.function() == null && column.expression() instanceof Attribute<?, ?> attribute) {
            spec = spec.where(attribute.isNotNull());
        }
        return QueryRenderer.project((ModelSql) subquery.sql(), spec, subquery.columns());
    }

    /** The foreign keys a path follows, from this model's own on. */
    private static List<RefAttribute<?, ?>> hops(RefAttribute<?, ?> via) {
        List<RefAttribute<?, ?>> hops = new ArrayList<>();
        RefAttribute<?, ?> hop = via;
        while (hop.via() != null) {
            hops.addAll(0, hops((RefAttribute<?, ?>) (Object) hop.remote()));
            hop = hop.via();
        }
        hops.add(0, hop);
        return hops;
    }

    /** The model each hop of a path leads to, from {@code sql}'s: the last one holds the column the path reads. */
    static List<ModelSql<?>> models(ModelSql<?> sql, List<RefAttribute<?, ?>> hops) {
        List<ModelSql<?>> models = new ArrayList<>(hops.size() + 1);
        models.add(sql);
        ModelSql<?> current = sql;
        for (RefAttribute<?, ?> hop : hops) {
            current = sql.related().sql(current.field(hop).foreignKey().target());
            models.add(current);
        }
        return models;
    }

    /** Every foreign key from this model's own to the one whose target holds the path's last column. */
    static List<RefAttribute<?, ?>> hopsOf(Attribute<?, ?> path) {
        List<RefAttribute<?, ?>> all = new ArrayList<>();
        for (Attribute<?, ?> step = path; step.via() != null; step = step.remote()) {
            all.addAll(hops(step.via()));
        }
        return all;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <M> void collectPath(Condition<M> condition, Attribute<M, ?> path, ModelSql<M> sql, List<Object> tokens,
                                        Params params) {
        List<RefAttribute<?, ?>> hops = hops(path.via());
        List<ModelSql<?>> models = models(sql, hops);
        tokens.add("PATH(");
        for (int i = 0; i < hops.size(); i++) {
            tokens.add(models.get(i).field(hops.get(i)).name());
        }
        collect((Condition) onRemote(condition, path.remote()), (ModelSql) models.get(hops.size()), tokens, params, null);
        tokens.add(")");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <M> void appendPath(StringBuilder out, Condition<M> condition, Attribute<M, ?> path, ModelSql<M> sql,
                                       int depth) {
        List<RefAttribute<?, ?>> hops = hops(path.via());
        List<ModelSql<?>> models = models(sql, hops);
        for (int i = 0; i < hops.size(); i++) {
            ModelSql<?> target = models.get(i + 1);
            out.append(models.get(i).quotedColumn(models.get(i).field(hops.get(i)))).append(" IN (SELECT ")
                    .append(target.idColumn()).append(" FROM ").append(target.table()).append(" WHERE ");
        }
        ModelSql<?> last = models.get(hops.size());
        append(out, (Condition) onRemote(condition, path.remote()), (ModelSql) last, last.table(), depth + 1);
        out.append(")".repeat(hops.size()));
    }

    /** The relationship a relation attribute names, resolved on {@code sql}'s model. */
    private static ResolvedRelation relationship(RelationAttribute<?, ?> relation, ModelSql<?> sql) {
        if (relation.model() != sql.model().type()) {
            throw new IllegalArgumentException(relation + " belongs to " + relation.model().getSimpleName() + ", not to "
                    + sql.model().name());
        }
        ResolvedRelation resolved = sql.related().relationship(relation.model(), relation.name());
        if (resolved == null || resolved.kind() == ResolvedRelation.Kind.FORWARD) {
            throw new InvalidQueryException(relation + " is not a BackRef or ManyToMany relation of " + sql.model().name());
        }
        return resolved;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <M> void collectRelated(RelationAttribute<M, ?> relation, Condition<?> condition, String kind,
                                           ModelSql<M> sql, List<Object> tokens, Params params) {
        ResolvedRelation resolved = relationship(relation, sql);
        tokens.add(kind);
        tokens.add(relation.name());
        if (condition != null) {
            collect((Condition) condition, (ModelSql) sql.related().sql(resolved.target().type()), tokens, params, null);
        }
        tokens.add(")");
    }

    /**
     * {@code "id" [NOT] IN (SELECT <the related rows' key to this one> ...)}: never NULL, so that {@code NOT} of it is
     * exactly the other rows.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <M> void appendRelated(StringBuilder out, RelationAttribute<M, ?> relation, Condition<?> condition,
                                          boolean negated, ModelSql<M> sql, int depth) {
        ResolvedRelation resolved = relationship(relation, sql);
        ModelSql<?> target = sql.related().sql(resolved.target().type());
        Dialect dialect = sql.dialect();
        out.append(sql.idColumn()).append(negated ? " NOT IN (SELECT " : " IN (SELECT ");
        if (resolved.kind() == ResolvedRelation.Kind.JOIN) {
            JoinTable join = resolved.join();
            out.append(dialect.quote(join.ownerColumn())).append(" FROM ").append(dialect.quote(join.table()));
            if (condition != null) {
                out.append(" WHERE ").append(dialect.quote(join.targetColumn())).append(" IN (SELECT ").append(target.idColumn())
                        .append(" FROM ").append(target.table()).append(" WHERE ");
                append(out, (Condition) condition, (ModelSql) target, target.table(), depth + 1);
                out.append(')');
            }
        } else {
            String key = target.quotedColumn(resolved.foreignKey());
            out.append(key).append(" FROM ").append(target.table()).append(" WHERE ").append(key).append(" IS NOT NULL");
            if (condition != null) {
                out.append(" AND (");
                append(out, (Condition) condition, (ModelSql) target, target.table(), depth + 1);
                out.append(')');
            }
        }
        out.append(')');
    }

    /** {@code (SELECT COUNT(*) FROM <related> ferro_N WHERE ferro_N.<key> = <row>.<id> ...)}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <M> void appendCount(StringBuilder out, RelationAttribute<M, ?> relation, Condition<?> condition,
                                        ModelSql<M> sql, String row, int depth) {
        ResolvedRelation resolved = relationship(relation, sql);
        ModelSql<?> target = sql.related().sql(resolved.target().type());
        Dialect dialect = sql.dialect();
        String alias = "ferro_" + (depth + 1);
        String self = row + "." + sql.idColumn();
        out.append("(SELECT COUNT(*) FROM ");
        if (resolved.kind() == ResolvedRelation.Kind.JOIN) {
            JoinTable join = resolved.join();
            out.append(dialect.quote(join.table())).append(' ').append(alias).append(" WHERE ").append(alias).append('.')
                    .append(dialect.quote(join.ownerColumn())).append(" = ").append(self);
            if (condition != null) {
                out.append(" AND ").append(alias).append('.').append(dialect.quote(join.targetColumn())).append(" IN (SELECT ")
                        .append(target.idColumn()).append(" FROM ").append(target.table()).append(" WHERE ");
                append(out, (Condition) condition, (ModelSql) target, target.table(), depth + 1);
                out.append(')');
            }
        } else {
            out.append(target.table()).append(' ').append(alias).append(" WHERE ").append(alias).append('.')
                    .append(target.quotedColumn(resolved.foreignKey())).append(" = ").append(self);
            if (condition != null) {
                out.append(" AND (");
                append(out, (Condition) condition, (ModelSql) target, alias, depth + 1);
                out.append(')');
            }
        }
        out.append(')');
    }

    /**
     * A value compared with an aggregate, bound as the aggregate's type: a count's, a whole-number sum's and an
     * average's as a long or double; the others' as their column's.
     */
    static void addAggregateValue(Aggregate<?, ?> aggregate, Object value, ModelSql<?> sql, Params params) {
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

    static Object checked(FieldMetadata field, Object value) {
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
    static final class Params {
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
