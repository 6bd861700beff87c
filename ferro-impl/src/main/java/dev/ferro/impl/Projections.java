package dev.ferro.impl;

import dev.ferro.Aggregate;
import dev.ferro.Expression;
import dev.ferro.InvalidQueryException;
import dev.ferro.Projection;
import dev.ferro.Selection;
import dev.ferro.impl.execution.Executor;
import dev.ferro.impl.hydration.Projector;
import dev.ferro.impl.hydration.RelationBinder;
import dev.ferro.impl.metadata.ModelMetadata;
import dev.ferro.impl.sql.Dialect;
import dev.ferro.impl.sql.ModelSql;
import dev.ferro.impl.sql.QueryRenderer;
import dev.ferro.impl.sql.QuerySpec;
import dev.ferro.impl.sql.SelectedColumn;
import dev.ferro.impl.sql.Statement;
import dev.ferro.impl.sql.ValueReader;
import dev.ferro.impl.transaction.TransactionManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A model's projections ({@code query.select(...)}): which columns and aggregates a selection reads, the
 * {@link Projector} of each target type (found and checked once, then kept), and the statements that read them,
 * through the unit of work's connection but never its identity map. A foreign key is read as an unloaded
 * {@code Ref} to its key, which loads the target at {@code get()} as a model's would.
 */
final class Projections<M> {
    private static final int MAX_CACHED_PROJECTORS = 1_000;

    private final ModelMetadata<M> model;
    private final ModelSql<M> sql;
    private final Dialect dialect;
    private final Executor executor;
    private final TransactionManager transactions;
    private final int fetchSize;
    private final String action;
    private final RelationBinder relations;
    private final ConcurrentHashMap<Key, Projector<?>> projectors = new ConcurrentHashMap<>();

    /** A projector's target and its columns (as expressions: their readers are the same for equal ones). */
    private record Key(Class<?> type, List<Expression<?, ?>> columns, boolean grouped) {
    }

    Projections(ModelSql<M> sql, Executor executor, TransactionManager transactions, int fetchSize, RelationBinder relations) {
        this.relations = relations;
        this.model = sql.model();
        this.sql = sql;
        this.dialect = sql.dialect();
        this.executor = executor;
        this.transactions = transactions;
        this.fetchSize = fetchSize;
        this.action = "select from " + model.name();
    }

    <V> Projection<V> column(QuerySpec<M> spec, Expression<M, V> expression) {
        SelectedColumn column = selected(spec, Objects.requireNonNull(expression, "column"));
        refuse(spec, List.of(column));
        return new Rows<>(spec, List.of(column), Projector.column(column));
    }

    Selection<M> selection(QuerySpec<M> spec, List<? extends Expression<M, ?>> expressions) {
        Objects.requireNonNull(expressions, "columns");
        if (expressions.isEmpty()) {
            throw new IllegalArgumentException("select(...) of " + model.name() + " needs at least one column");
        }
        List<SelectedColumn> columns = new ArrayList<>(expressions.size());
        for (Expression<M, ?> expression : expressions) {
            columns.add(selected(spec, Objects.requireNonNull(expression, "column")));
        }
        List<SelectedColumn> selected = List.copyOf(columns);
        refuse(spec, selected);
        return new Selection<>() {
            @Override
            public <R> Projection<R> as(Class<R> type) {
                return new Rows<>(spec, selected, projector(Objects.requireNonNull(type, "type"), spec.grouped(), selected));
            }
        };
    }

    /** The one value of an aggregate over the query's rows ({@code posts.sum(Post_.views)}); null when there is none. */
    <V> V single(QuerySpec<M> spec, Aggregate<M, V> aggregate) {
        if (spec.grouped()) {
            throw new InvalidQueryException(aggregate + " of a query of " + model.name() + " grouped by " + spec.groupBy()
                    + " is refused: it has a value per group, read with select(...)");
        }
        List<V> values = column(spec, aggregate).list();
        return values.isEmpty() ? null : values.get(0);
    }

    @SuppressWarnings("unchecked")
    private <R> Projector<R> projector(Class<R> type, boolean grouped, List<SelectedColumn> columns) {
        List<Expression<?, ?>> expressions = new ArrayList<>(columns.size());
        columns.forEach(column -> expressions.add(column.expression()));
        Key key = new Key(type, expressions, grouped);
        Projector<?> known = projectors.get(key);
        if (known != null) {
            return (Projector<R>) known;
        }
        Projector<R> made = Projector.into(type, columns, dialect);
        if (projectors.size() < MAX_CACHED_PROJECTORS) {
            projectors.putIfAbsent(key, made);
        }
        return made;
    }

    /** The column of an expression, a foreign key's reader making its key a {@code Ref}. */
    private SelectedColumn selected(QuerySpec<M> spec, Expression<M, ?> expression) {
        SelectedColumn column = SelectedColumn.of(sql, expression, spec.grouped());
        if (column.function() != null || column.field().foreignKey() == null) {
            return column;
        }
        ValueReader keys = column.reader();
        ValueReader refs = (row, index) -> {
            Object key = keys.read(row, index);
            return key == null ? null : relations.ref(column.field(), key);
        };
        return new SelectedColumn(expression, null, column.field(), column.type(), column.nullable(), refs);
    }

    private void refuse(QuerySpec<M> spec, List<SelectedColumn> columns) {
        if (!spec.prefetch().isEmpty()) {
            throw new InvalidQueryException("select(...) of " + model.name() + " is refused with prefetch(...): a projection"
                    + " has no models to attach relations to");
        }
        if (spec.lock() != null && (spec.grouped() || columns.stream().anyMatch(column -> column.function() != null))) {
            throw new InvalidQueryException("select(...) of aggregates of " + model.name() + " is refused with forUpdate():"
                    + " the databases lock rows, not groups or aggregates of them");
        }
    }

    /** The rows of one projection: the statement is rendered at each terminal call, from the shape cache. */
    private final class Rows<R> implements Projection<R>, dev.ferro.impl.sql.Subquery {
        private final QuerySpec<M> spec;
        private final List<SelectedColumn> fields;
        private final Projector<R> projector;

        Rows(QuerySpec<M> spec, List<SelectedColumn> fields, Projector<R> projector) {
            this.spec = spec;
            this.fields = fields;
            this.projector = projector;
        }

        @Override
        public ModelSql<?> sql() {
            return sql;
        }

        @Override
        public QuerySpec<?> spec() {
            return spec;
        }

        @Override
        public List<SelectedColumn> columns() {
            return fields;
        }

        @Override
        public List<R> list() {
            return read(spec);
        }

        @Override
        public Stream<R> stream() {
            ModelOperations.requireLockable(transactions, model, spec);
            if (spec.hasLimit() && spec.limit() == 0) {
                return Stream.empty();
            }
            Statement statement = QueryRenderer.project(sql, spec, fields);
            return RowStream.open(transactions, executor, dialect, statement, fetchSize, model, action,
                    result -> projector::read).stream();
        }

        @Override
        public Optional<R> first() {
            // An ungrouped query's aggregates are one row already, and a limit would make them aggregate one row.
            boolean oneRow = !spec.grouped() && fields.stream().anyMatch(field -> field.function() != null);
            List<R> rows = read(oneRow ? spec : spec.limit(spec.hasLimit() ? Math.min(spec.limit(), 1) : 1));
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            R value = rows.get(0);
            if (value == null) {
                throw new NullPointerException("The first row's " + fields.get(0) + " is NULL, which an Optional cannot"
                        + " hold: read it with list() and limit(1)");
            }
            return Optional.of(value);
        }

        private List<R> read(QuerySpec<M> query) {
            ModelOperations.requireLockable(transactions, model, query);
            if (query.hasLimit() && query.limit() == 0) {
                return List.of();
            }
            Statement statement = QueryRenderer.project(sql, query, fields);
            return transactions.run(unit -> executor.query(unit.connection(), statement, projector::readAll, model, action));
        }
    }
}
