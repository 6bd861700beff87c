package dev.ferro.impl;

import dev.ferro.Attribute;
import dev.ferro.InvalidQueryException;
import dev.ferro.Projection;
import dev.ferro.Selection;
import dev.ferro.impl.execution.Executor;
import dev.ferro.impl.hydration.Projector;
import dev.ferro.impl.metadata.FieldMetadata;
import dev.ferro.impl.metadata.ModelMetadata;
import dev.ferro.impl.sql.Dialect;
import dev.ferro.impl.sql.ModelSql;
import dev.ferro.impl.sql.QueryRenderer;
import dev.ferro.impl.sql.QuerySpec;
import dev.ferro.impl.sql.Statement;
import dev.ferro.impl.transaction.TransactionManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A model's projections ({@code query.select(...)}): which fields a selection reads, the {@link Projector} of each
 * target type (found and checked once, then kept), and the statements that read them, through the unit of work's
 * connection but never its identity map.
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
    private final ConcurrentHashMap<Key, Projector<?>> projectors = new ConcurrentHashMap<>();

    private record Key(Class<?> type, List<FieldMetadata> fields) {
    }

    Projections(ModelSql<M> sql, Executor executor, TransactionManager transactions, int fetchSize) {
        this.model = sql.model();
        this.sql = sql;
        this.dialect = sql.dialect();
        this.executor = executor;
        this.transactions = transactions;
        this.fetchSize = fetchSize;
        this.action = "select from " + model.name();
    }

    <V> Projection<V> column(QuerySpec<M> spec, Attribute<M, V> attribute) {
        FieldMetadata field = field(attribute);
        refusePrefetch(spec);
        return new Rows<>(spec, List.of(field), Projector.column(field, dialect));
    }

    Selection<M> selection(QuerySpec<M> spec, List<? extends Attribute<M, ?>> attributes) {
        Objects.requireNonNull(attributes, "columns");
        if (attributes.isEmpty()) {
            throw new IllegalArgumentException("select(...) of " + model.name() + " needs at least one column");
        }
        List<FieldMetadata> fields = new ArrayList<>(attributes.size());
        for (Attribute<M, ?> attribute : attributes) {
            fields.add(field(attribute));
        }
        refusePrefetch(spec);
        List<FieldMetadata> selected = List.copyOf(fields);
        return new Selection<>() {
            @Override
            public <R> Projection<R> as(Class<R> type) {
                return new Rows<>(spec, selected, projector(Objects.requireNonNull(type, "type"), selected));
            }
        };
    }

    @SuppressWarnings("unchecked")
    private <R> Projector<R> projector(Class<R> type, List<FieldMetadata> fields) {
        Key key = new Key(type, fields);
        Projector<?> known = projectors.get(key);
        if (known != null) {
            return (Projector<R>) known;
        }
        Projector<R> made = Projector.into(type, fields, dialect);
        if (projectors.size() < MAX_CACHED_PROJECTORS) {
            projectors.putIfAbsent(key, made);
        }
        return made;
    }

    private FieldMetadata field(Attribute<M, ?> attribute) {
        FieldMetadata field = sql.field(Objects.requireNonNull(attribute, "column"));
        if (field.foreignKey() != null) {
            throw new InvalidQueryException("select(" + field + ") is refused: " + field + " is a foreign key (Ref), and a"
                    + " projection reads plain columns only");
        }
        return field;
    }

    private void refusePrefetch(QuerySpec<M> spec) {
        if (!spec.prefetch().isEmpty()) {
            throw new InvalidQueryException("select(...) of " + model.name() + " is refused with prefetch(...): a projection"
                    + " has no models to attach relations to");
        }
    }

    /** The rows of one projection: the statement is rendered at each terminal call, from the shape cache. */
    private final class Rows<R> implements Projection<R> {
        private final QuerySpec<M> spec;
        private final List<FieldMetadata> fields;
        private final Projector<R> projector;

        Rows(QuerySpec<M> spec, List<FieldMetadata> fields, Projector<R> projector) {
            this.spec = spec;
            this.fields = fields;
            this.projector = projector;
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
            List<R> rows = read(spec.limit(spec.hasLimit() ? Math.min(spec.limit(), 1) : 1));
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
