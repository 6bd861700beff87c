package dev.ferro.impl.sql;

import dev.ferro.Aggregate;
import dev.ferro.Attribute;
import dev.ferro.Condition;
import dev.ferro.InvalidQueryException;
import dev.ferro.Order;
import dev.ferro.impl.metadata.FieldMetadata;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules SQL sets for a grouped query (and for aggregates without one), checked before the database sees it so
 * that the error names the column: what is selected, sorted by or tested in {@code having} is either grouped or an
 * aggregate. PostgreSQL and H2 refuse such a query with a message about SQL; MariaDB and SQLite would answer it
 * with a value from any row of the group.
 */
final class Grouping {
    private Grouping() {
    }

    /** The grouped columns (none for an ungrouped query), after checking the selection and the order against them. */
    static <M> List<FieldMetadata> check(boolean projecting, ModelSql<M> sql, QuerySpec<M> spec, List<SelectedColumn> columns) {
        if (!spec.grouped()) {
            if (!spec.having().isEmpty()) {
                throw new InvalidQueryException("having(...) on a query of " + sql.model().name() + " is refused: it"
                        + " filters groups, and the query has no groupBy(...)");
            }
            for (Order<M> order : spec.orders()) {
                if (order.expression() instanceof Aggregate<?, ?> aggregate) {
                    throw new InvalidQueryException("orderBy(" + aggregate + ") on a query of " + sql.model().name()
                            + " is refused: an aggregate sorts groups, and the query has no groupBy(...)");
                }
            }
            if (aggregates(columns)) {
                for (SelectedColumn column : columns) {
                    if (column.function() == null) {
                        throw new InvalidQueryException("select(..., " + column + ", ...) is refused: " + column
                                + " is a column beside aggregates, which needs groupBy(" + column + ")");
                    }
                }
            }
            return List.of();
        }
        List<FieldMetadata> groupBy = new ArrayList<>(spec.groupBy().size());
        for (Attribute<M, ?> attribute : spec.groupBy()) {
            FieldMetadata field = sql.field(attribute);
            if (!groupBy.contains(field)) {
                groupBy.add(field);
            }
        }
        if (projecting) {
            for (SelectedColumn column : columns) {
                if (column.function() == null && !groupBy.contains(column.field())) {
                    throw new InvalidQueryException("select(..., " + column + ", ...) is refused: the query is grouped by "
                            + names(groupBy) + ", and " + column + " is neither grouped nor aggregated");
                }
            }
        }
        for (Order<M> order : spec.orders()) {
            if (order.expression() instanceof Attribute<?, ?> attribute && !groupBy.contains(sql.field(attribute))) {
                throw new InvalidQueryException("orderBy(" + attribute + ") is refused: the query is grouped by "
                        + names(groupBy) + ", and " + attribute + " is neither grouped nor aggregated");
            }
        }
        return groupBy;
    }

    /** Refuses a plain condition of {@code having(...)} on a column that is not grouped. */
    static <M> void checkHavingColumn(Condition<M> condition, ModelSql<M> sql, List<FieldMetadata> groupBy) {
        Attribute<M, ?> attribute = ConditionSql.attributeOf(condition);
        if (attribute != null && !groupBy.contains(sql.field(attribute))) {
            throw new InvalidQueryException("having(...) on " + attribute + " is refused: the query is grouped by "
                    + names(groupBy) + "; a condition on other columns belongs in where(...)");
        }
    }

    static boolean aggregates(List<SelectedColumn> columns) {
        for (SelectedColumn column : columns) {
            if (column.function() != null) {
                return true;
            }
        }
        return false;
    }

    /** The inner select list of aggregates over a page: each aggregated column once, or a constant for COUNT(*). */
    static String aggregatedColumns(ModelSql<?> sql, List<SelectedColumn> columns) {
        Set<String> quoted = new LinkedHashSet<>();
        for (SelectedColumn column : columns) {
            if (column.field() != null) {
                quoted.add(sql.quotedColumn(column.field()));
            }
        }
        return quoted.isEmpty() ? "1 AS one" : String.join(", ", quoted);
    }

    private static String names(List<FieldMetadata> groupBy) {
        StringBuilder out = new StringBuilder("(");
        for (int i = 0; i < groupBy.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(groupBy.get(i));
        }
        return out.append(')').toString();
    }
}
