package dev.ferro.impl;

import dev.ferro.Assignment;
import dev.ferro.Attribute;
import dev.ferro.Condition;
import dev.ferro.InvalidQueryException;
import dev.ferro.ModelNotFoundException;
import dev.ferro.MultipleResultsException;
import dev.ferro.OptimisticLockException;
import dev.ferro.impl.execution.Executor;
import dev.ferro.Prefetch;
import dev.ferro.impl.hydration.Hydrator;
import dev.ferro.impl.hydration.RelationBinder;
import dev.ferro.impl.metadata.JoinTable;
import dev.ferro.impl.metadata.FieldMetadata;
import dev.ferro.impl.metadata.ModelMetadata;
import dev.ferro.impl.metadata.ModelRegistry;
import dev.ferro.impl.sql.Dialect;
import dev.ferro.impl.sql.ModelSql;
import dev.ferro.impl.sql.QueryRenderer;
import dev.ferro.impl.sql.RelatedModels;
import dev.ferro.impl.sql.QuerySpec;
import dev.ferro.impl.sql.Statement;
import dev.ferro.impl.sql.ValueBinder;
import dev.ferro.impl.sql.ValueReader;
import dev.ferro.impl.transaction.IdentityMap;
import dev.ferro.impl.transaction.TransactionManager;
import dev.ferro.impl.transaction.SqlWork;
import dev.ferro.impl.transaction.UnitOfWork;
import dev.ferro.impl.validation.ModelValidator;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The reads and writes of one model on one database, each in the current unit of work:
 * what {@link QueryImpl} and {@link FerroImpl} call once they know what the user asked for.
 */
final class ModelOperations<M> {
    private final ModelMetadata<M> model;
    private final ModelSql<M> sql;
    private final Hydrator<M> hydrator;
    private final Executor executor;
    private final TransactionManager transactions;
    private final ModelValidator validator;
    /** What the validator checks besides Bean Validation ({@link ModelValidator#checkedFields}). */
    private final List<FieldMetadata> checkedFields;
    private final Dialect dialect;
    private final FieldMetadata id;
    /** The {@code @Version} field, or null. */
    private final FieldMetadata version;
    private final Attribute<M, Object> idAttribute;
    private final ValueBinder[] idBinders;
    private final String selectAction;
    private final String insertAction;
    private final RelationBinder relations;
    private final Prefetcher prefetcher;
    private final ModelRegistry registry;
    private final Executor.Prepare insertReturningKey;
    private final int fetchSize;
    private final Projections<M> projections;
    private final CursorPages<M> pages;
    private final java.util.concurrent.ConcurrentHashMap<List<dev.ferro.RefAttribute<M, ?>>, Joins<M>> joinReaders =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final Object[] NO_VALUES = {};
    private static final ValueBinder[] NO_BINDERS = {};

    @SuppressWarnings("unchecked")
    ModelOperations(ModelMetadata<M> model, Dialect dialect, Executor executor, TransactionManager transactions,
                    ModelValidator validator, RelationBinder relations, Prefetcher prefetcher, ModelRegistry registry,
                    int fetchSize, RelatedModels related) {
        this.fetchSize = fetchSize;
        this.model = model;
        this.registry = registry;
        this.sql = new ModelSql<>(model, dialect, related);
        this.relations = relations;
        this.prefetcher = prefetcher;
        this.hydrator = new Hydrator<>(sql, relations);
        this.executor = executor;
        this.transactions = transactions;
        this.validator = validator;
        this.checkedFields = ModelValidator.checkedFields(model);
        this.dialect = dialect;
        this.id = model.id();
        this.version = model.version();
        this.idAttribute = new Attribute<>(model.type(), id.name(), (Class<Object>) id.type());
        this.idBinders = new ValueBinder[] {sql.binders()[0]};
        this.selectAction = "select " + model.name();
        this.insertAction = "insert " + model.name();
        String idColumn = model.id().column();
        this.insertReturningKey = (connection, text) -> dialect.prepareInsertReturningKey(connection, text, idColumn);
        this.projections = new Projections<>(sql, executor, transactions, fetchSize, relations);
        this.pages = new CursorPages<>(sql);
    }

    Projections<M> projections() {
        return projections;
    }

    CursorPages<M> pages() {
        return pages;
    }

    ModelSql<M> sql() {
        return sql;
    }

    ModelMetadata<M> model() {
        return model;
    }

    Hydrator<M> hydrator() {
        return hydrator;
    }

    // ---------------------------------------------------------------- reads

    List<M> list(QuerySpec<M> spec) {
        requireLockable(spec);
        Statement statement = QueryRenderer.select(sql, spec);
        Joins<M> joins = spec.joins().isEmpty() ? null : joins(spec);
        return transactions.run(unit -> {
            List<M> rows = executor.query(unit.connection(), statement,
                    result -> joins != null ? joins.readAll(result, unit.identityMap())
                            : spec.lock() != null ? hydrator.readAllRefreshing(result, unit.identityMap())
                            : hydrator.readAll(result, identities(unit, spec.prefetch())), model, selectAction);
            if (!spec.prefetch().isEmpty()) {
                prefetcher.prefetch(unit, model.type(), rows, spec.prefetch());
            }
            return rows;
        });
    }

    /**
     * The identity map rows are read through; none for a solitary call without prefetch, whose one
     * statement returns each id once and whose map nobody reads afterwards: registering every row
     * there would cost a map entry per row and nothing else.
     */
    private static IdentityMap identities(UnitOfWork unit, List<?> prefetch) {
        return unit.solitary() && prefetch.isEmpty() ? null : unit.identityMap();
    }

    private void requireLockable(QuerySpec<M> spec) {
        requireLockable(transactions, model, spec);
        if (spec.lock() != null && !spec.joins().isEmpty()) {
            throw new InvalidQueryException("forUpdate() of " + model.name() + " is refused with join(...): lock the rows"
                    + " and prefetch(...) what they point at");
        }
    }

    /** The readers of a join's rows, made once per set of joined relations. */
    @SuppressWarnings("unchecked")
    private Joins<M> joins(QuerySpec<M> spec) {
        Joins<M> known = joinReaders.get(spec.joins());
        if (known == null) {
            known = new Joins<>(hydrator, sql, spec.joins(), prefetcher::target);
            if (joinReaders.size() < 100) {
                joinReaders.putIfAbsent(spec.joins(), known);
            }
        }
        return known;
    }

    /** A locking read ({@code forUpdate()}) needs a transaction to hold its locks. */
    static void requireLockable(TransactionManager transactions, ModelMetadata<?> model, QuerySpec<?> spec) {
        if (spec.lock() != null) {
            String refusal = transactions.lockRefusal();
            if (refusal != null) {
                throw new dev.ferro.InvalidQueryException("forUpdate() on " + model.name() + " is refused " + refusal
                        + ": run it inside ferro.transaction(...) or a @Transactional method");
            }
        }
    }

    /** Checks a prefetch path when the query is built, so that a wrong one fails there. */
    void checkPrefetch(Prefetch<M> path) {
        prefetcher.check(model.type(), path);
    }

    /** The rows whose {@code column} holds one of {@code keys}, in id order (for prefetch). */
    List<M> selectIn(UnitOfWork unit, FieldMetadata column, Object[] keys) {
        // Rows fetched by their own id are matched to their refs by key, so only the reverse side pays for a sort.
        String order = column.isId() ? "" : " ORDER BY " + sql.idColumn();
        String text = sql.statement(new InShape(column.name(), keys.length), () -> sql.selectFrom() + " WHERE "
                + sql.quotedColumn(column) + " IN (" + placeholders(keys.length) + ")" + order);
        ValueBinder[] binders = new ValueBinder[keys.length];
        java.util.Arrays.fill(binders, dialect.binder(column));
        return executor.query(unit.connection(), new Statement(text, keys, binders),
                rows -> hydrator.readAll(rows, unit.identityMap()), model, selectAction);
    }

    /** Takes each row a join-table query found, with the owner key it is linked to. */
    @FunctionalInterface
    interface LinkSink<M> {
        void linked(Object ownerKey, M target);
    }

    /**
     * The rows linked through a join table to one of {@code ownerKeys}, each handed to {@code sink}
     * with the owner key it is linked to, in id order (for prefetch):
     * {@code SELECT t.*, j.owner FROM target t JOIN join j ...}.
     */
    void selectLinked(UnitOfWork unit, JoinTable join, Object[] ownerKeys, LinkSink<M> sink) {
        String text = sql.statement(new InShape(join.table() + "." + join.ownerColumn(), ownerKeys.length), () -> {
            StringBuilder out = new StringBuilder("SELECT ");
            for (FieldMetadata field : sql.fields()) {
                out.append("t.").append(sql.quotedColumn(field)).append(", ");
            }
            String owner = "j." + dialect.quote(join.ownerColumn());
            return out.append(owner).append(" FROM ").append(sql.table()).append(" t JOIN ").append(dialect.quote(join.table()))
                    .append(" j ON t.").append(sql.idColumn()).append(" = j.").append(dialect.quote(join.targetColumn()))
                    .append(" WHERE ").append(owner).append(" IN (").append(placeholders(ownerKeys.length))
                    .append(") ORDER BY t.").append(sql.idColumn()).toString();
        });
        ValueBinder[] binders = new ValueBinder[ownerKeys.length];
        java.util.Arrays.fill(binders, dialect.binder(join.ownerId()));
        ValueReader ownerReader = dialect.freshReader(join.ownerId());
        int ownerColumn = sql.fields().length + 1;
        // Straight to the sink: a row costs no pair object and no list of pairs.
        executor.query(unit.connection(), new Statement(text, ownerKeys, binders), rows -> {
            while (rows.next()) {
                M target = hydrator.read(rows, unit.identityMap());
                sink.linked(ownerReader.read(rows, ownerColumn), target);
            }
            return null;
        }, model, selectAction);
    }

    /** The shape of a prefetch statement: which column is matched, against how many keys. */
    private record InShape(String column, int size) {
    }

    private static String placeholders(int count) {
        StringBuilder out = new StringBuilder(count * 3);
        for (int i = 0; i < count; i++) {
            out.append(i == 0 ? "?" : ", ?");
        }
        return out.toString();
    }

    /**
     * The rows as they are read, without the identity map (which would hold them all); with prefetch,
     * a chunk of rows at a time gets its relations, one statement per relation and chunk.
     */
    Stream<M> stream(QuerySpec<M> spec) {
        requireLockable(spec);
        if (!spec.joins().isEmpty()) {
            throw new InvalidQueryException("stream() of " + model.name() + " is refused with join(...): a stream keeps no"
                    + " identity map to attach the joined rows through; prefetch(...) works a chunk at a time");
        }
        Statement statement = QueryRenderer.select(sql, spec);
        RowStream<M> rows = RowStream.open(transactions, executor, dialect, statement, fetchSize, model, selectAction,
                result -> row -> hydrator.read(row, null));
        if (spec.prefetch().isEmpty()) {
            return rows.stream();
        }
        Class<M> type = model.type();
        return rows.stream(rows.chunked(dialect.maxInListKeys(), chunk -> {
            SqlWork<Void> prefetch = unit -> {
                prefetcher.prefetch(unit, type, chunk, spec.prefetch());
                return null;
            };
            // A driver that streams by holding its connection (MariaDB's) would buffer the rest of the
            // rows to run another statement there: outside a transaction, prefetch on a connection of its own.
            if (dialect.streamingHoldsConnection() && !transactions.inTransaction()) {
                transactions.run(prefetch);
            } else {
                transactions.onStreamConnection(rows.connection(), prefetch);
            }
        }));
    }

    Optional<M> first(QuerySpec<M> spec) {
        List<M> rows = list(spec.limit(spec.hasLimit() ? Math.min(spec.limit(), 1) : 1));
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    M one(QuerySpec<M> spec) {
        List<M> rows = list(spec.limit(spec.hasLimit() ? Math.min(spec.limit(), 2) : 2));
        if (rows.isEmpty()) {
            throw new ModelNotFoundException(model.type(), "No " + model.name() + " matches the query");
        }
        if (rows.size() > 1) {
            throw new MultipleResultsException(model.type());
        }
        return rows.get(0);
    }

    /** By key: the identity map answers without SQL when the unit of work already holds the instance. */
    Optional<M> find(QuerySpec<M> spec, Object key) {
        Object idValue = idValue(key);
        UnitOfWork current = transactions.current();
        boolean locking = spec.lock() != null;
        boolean plain = spec.joins().isEmpty();
        if (!spec.filtered() && !locking && plain && current != null) {
            M known = current.identityMap().get(model.type(), idValue);
            if (known != null) {
                return Optional.of(known);
            }
        }
        if (!spec.filtered() && !locking && plain && spec.prefetch().isEmpty()) {
            // The by-key statement is rendered once per model: a get renders, copies and collects nothing.
            Statement byId = new Statement(sql.selectById(), new Object[] {idValue}, idBinders);
            return Optional.ofNullable(transactions.run(unit -> executor.query(unit.connection(), byId,
                    rows -> rows.next() ? hydrator.read(rows, identities(unit, List.of())) : null, model, selectAction)));
        }
        QuerySpec<M> byKey = new QuerySpec<>(spec.conditions(), List.of(), -1, -1, spec.scope(), spec.prefetch(), spec.lock(),
                List.of(), List.of(), spec.joins())
                .where(new Condition.Compare<>(idAttribute, Condition.Operator.EQ, idValue));
        List<M> rows = list(byKey);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** A key the caller gave, as the id's type holds it ({@code 3} for a {@code Long} id is {@code 3L}). */
    private Object idValue(Object key) {
        if (key == null) {
            throw new IllegalArgumentException(model.name() + " id must not be null");
        }
        return id.coerce(key);
    }

    long count(QuerySpec<M> spec) {
        Statement statement = QueryRenderer.count(sql, spec);
        return transactions.run(unit -> executor.query(unit.connection(), statement, rows -> {
            rows.next();
            return rows.getLong(1);
        }, model, "count " + model.name()));
    }

    boolean exists(QuerySpec<M> spec) {
        if (spec.hasLimit() && spec.limit() == 0) {
            return false;
        }
        Statement statement = QueryRenderer.exists(sql, spec);
        return transactions.run(unit -> executor.query(unit.connection(), statement, ResultSet::next, model, "check " + model.name()));
    }

    // ---------------------------------------------------------------- writes of one model

    /**
     * Makes a model that getOrCreate is about to insert match the query's equality filters (those
     * ANDed at the top, {@code eq} and {@code isNull}), so that the row it inserts is the row the
     * query finds next time: a field the factory left null takes the filter's value; a field that
     * holds another value is refused, naming it. Other conditions (ranges, IN, OR) are not checked.
     */
    void conformToFilter(QuerySpec<M> spec, M candidate, String operation) {
        for (Condition<M> condition : spec.conditions()) {
            conform(condition, candidate, operation);
        }
    }

    private void conform(Condition<M> condition, M candidate, String operation) {
        if (condition instanceof Condition.And<M> and) {
            and.terms().forEach(term -> conform(term, candidate, operation));
        } else if (condition instanceof Condition.Compare<M> compare && compare.operator() == Condition.Operator.EQ
                && compare.attribute().via() == null) {
            FieldMetadata field = model.field(compare.attribute().name());
            Object wanted = field.foreignKey() != null ? field.foreignKey().keyOf(field, compare.value()) : field.coerce(compare.value());
            Object actual = field.get(candidate);
            if (actual == null) {
                // A Ref for a foreign key, the value itself for a column.
                field.set(candidate, field.foreignKey() != null ? compare.value() : wanted);
            } else if (!sameValue(field.toStored(actual), field.toStored(wanted))) { // as the database compares them
                throw new IllegalArgumentException(operation + " on " + model.name() + " where " + field.name() + " = "
                        + wanted + ": the factory made a " + model.name() + " whose " + field.name() + " is " + actual
                        + ", which the query would never find; leave " + field.name() + " unset or make it " + wanted);
            }
        } else if (condition instanceof Condition.IsNull<M> isNull && !isNull.negated() && isNull.attribute().via() == null) {
            FieldMetadata field = model.field(isNull.attribute().name());
            Object actual = field.get(candidate);
            if (actual != null) {
                throw new IllegalArgumentException(operation + " on " + model.name() + " where " + field.name()
                        + " is null: the factory made a " + model.name() + " whose " + field.name() + " is " + actual
                        + ", which the query would never find");
            }
        }
    }

    /** Equality as the database compares: a BigDecimal by value (1.5 = 1.50). */
    private static boolean sameValue(Object actual, Object wanted) {
        if (actual instanceof java.math.BigDecimal decimal && wanted instanceof java.math.BigDecimal other) {
            return decimal.compareTo(other) == 0;
        }
        if (actual instanceof byte[] bytes && wanted instanceof byte[] other) {
            return java.util.Arrays.equals(bytes, other);
        }
        return actual.equals(wanted);
    }

    M insert(M instance) {
        validator.validate(instance, checkedFields);
        return transactions.run(unit -> insertRow(unit, instance));
    }

    /** Inserts so that a constraint failure leaves the current transaction usable (for get-or-create). */
    M insertRecoverable(M instance) {
        validator.validate(instance, checkedFields);
        return transactions.recoverable(unit -> insertRow(unit, instance));
    }

    /**
     * Insert when the key is unset, else update by key, inserting when no row has that key. With a
     * {@code @Version}: a model whose version is unset was never read, so it is inserted; else the
     * update matches the version too and adds 1 to it, and finding no row is a conflict.
     */
    M save(M instance) {
        validator.validate(instance, checkedFields);
        Object key = id.get(instance);
        if (id.isUnset(key) || (version != null && versionUnset(version.get(instance)))) {
            return transactions.run(unit -> insertRow(unit, instance));
        }
        OptimisticLockException conflict = transactions.atomically(unit -> {
            if (sql.updateById() != null) {
                FieldMetadata[] fields = sql.fields();
                int versionIndex = sql.versionIndex();
                Object current = versionIndex < 0 ? null : version.get(instance);
                Object next = versionIndex < 0 ? null : nextVersion(current);
                Object[] values = new Object[fields.length + (versionIndex < 0 ? 0 : 1)];
                ValueBinder[] binders = new ValueBinder[values.length];
                for (int i = 1; i < fields.length; i++) {
                    values[i - 1] = i == versionIndex ? next : fields[i].get(instance);
                    binders[i - 1] = sql.binders()[i];
                }
                values[fields.length - 1] = key;
                binders[fields.length - 1] = sql.binders()[0];
                if (versionIndex >= 0) {
                    values[fields.length] = current;
                    binders[fields.length] = sql.binders()[versionIndex];
                }
                int updated = executor.update(unit.connection(), new Statement(sql.updateById(), values, binders), model,
                        "update " + model.name() + " " + key);
                if (updated > 0) {
                    if (versionIndex >= 0) {
                        version.set(instance, next);
                    }
                    unit.identityMap().put(model.type(), key, instance);
                    relations.written(instance, key);
                    return null;
                }
                if (versionIndex >= 0) {
                    return new OptimisticLockException(model.type(), key, current, !existsById(unit, key));
                }
            } else if (existsById(unit, key)) {
                relations.written(instance, key);
                return null;
            }
            insertRow(unit, instance);
            return null;
        });
        if (conflict != null) {
            // Thrown here, not inside the work: the transaction is intact and the caller may go on with it.
            throw conflict;
        }
        return instance;
    }

    /**
     * Deletes the row by key; with a {@code @Version} that is set, by key and version, and a row of
     * that key with another version is a conflict.
     */
    void delete(M instance) {
        Object key = requireKey(instance, "delete");
        Object current = version == null ? null : version.get(instance);
        boolean checked = version != null && !versionUnset(current);
        Statement statement = checked
                ? new Statement(sql.deleteByIdAndVersion(), new Object[] {key, current},
                        new ValueBinder[] {sql.binders()[0], sql.binders()[sql.versionIndex()]})
                : new Statement(sql.deleteById(), new Object[] {key}, new ValueBinder[] {sql.binders()[0]});
        Boolean deleted = transactions.run(unit -> {
            int count = executor.update(unit.connection(), statement, model, "delete " + model.name() + " " + key);
            if (count == 0) {
                // Rows, not a count: a stale version is told apart from a row that is gone.
                return checked && existsById(unit, key) ? null : false;
            }
            unit.identityMap().remove(model.type(), key);
            evictChangedByDelete(unit);
            return true;
        });
        if (deleted == null) {
            throw new OptimisticLockException(model.type(), key, current, false);
        }
        if (!deleted) {
            throw new ModelNotFoundException(model.type(), key);
        }
    }

    M refresh(M instance) {
        Object key = requireKey(instance, "refresh");
        Statement statement = new Statement(sql.selectById(), new Object[] {key}, new ValueBinder[] {sql.binders()[0]});
        boolean found = transactions.run(unit -> executor.query(unit.connection(), statement, rows -> {
            if (!rows.next()) {
                return false;
            }
            hydrator.readInto(instance, rows);
            unit.identityMap().put(model.type(), key, instance);
            return true;
        }, model, "refresh " + model.name() + " " + key));
        if (!found) {
            throw new ModelNotFoundException(model.type(), key);
        }
        return instance;
    }

    // ---------------------------------------------------------------- batch and bulk writes

    /**
     * Validates all, then inserts in one transaction (a savepoint inside the caller's): rows without
     * a key in one JDBC batch that returns their keys, rows with a key in another.
     */
    List<M> insertAll(List<M> instances) {
        if (instances.isEmpty()) {
            return instances;
        }
        for (M instance : instances) {
            validator.validate(instance, checkedFields);
        }
        List<M> generated = new ArrayList<>();
        List<M> keyed = new ArrayList<>();
        Object[] versionsBefore = version == null ? null : new Object[instances.size()];
        for (int i = 0; i < instances.size(); i++) {
            M instance = instances.get(i);
            (id.generated() && id.isUnset(id.get(instance)) ? generated : keyed).add(instance);
            if (versionsBefore != null) {
                versionsBefore[i] = stampFirstVersion(instance);
            }
        }
        try {
            return transactions.allOrNothing(unit -> {
                if (!generated.isEmpty()) {
                    batchInsert(unit, generated, true);
                }
                if (!keyed.isEmpty()) {
                    batchInsert(unit, keyed, false);
                }
                // A transaction of this call's own: its identity map is dropped unread at the commit.
                IdentityMap identities = unit.solitary() ? null : unit.identityMap();
                for (M instance : instances) {
                    Object key = id.get(instance);
                    if (identities != null) {
                        identities.put(model.type(), key, instance);
                    }
                    relations.written(instance, key);
                }
                return instances;
            });
        } catch (RuntimeException | Error e) {
            // The rows are rolled back; keys written into the models would name rows that do not exist.
            Object unset = id.primitive() ? id.coerce(0L) : null;
            for (M instance : generated) {
                id.set(instance, unset);
            }
            if (versionsBefore != null) {
                for (int i = 0; i < instances.size(); i++) {
                    restoreVersion(instances.get(i), versionsBefore[i]);
                }
            }
            throw e;
        }
    }

    long bulkUpdate(QuerySpec<M> spec, List<Assignment<M>> assignments) {
        for (Assignment<M> assignment : assignments) {
            if (assignment instanceof Assignment.Value<M, ?> value) {
                validator.validateValue(sql.field(value.attribute()), value.value());
            } else if (assignment instanceof Assignment.Arithmetic<M, ?> arithmetic) {
                validator.validateOperand(sql.field(arithmetic.attribute()), arithmetic.operator(), arithmetic.operand());
            }
        }
        Statement statement = QueryRenderer.update(sql, spec, assignments);
        return transactions.run(unit -> {
            int count = executor.update(unit.connection(), statement, model, "update " + model.name() + " rows");
            unit.identityMap().evict(model.type());
            return (long) count;
        });
    }

    long bulkDelete(QuerySpec<M> spec) {
        Statement statement = QueryRenderer.delete(sql, spec);
        return transactions.run(unit -> {
            int count = executor.update(unit.connection(), statement, model, "delete " + model.name() + " rows");
            unit.identityMap().evict(model.type());
            evictChangedByDelete(unit);
            return (long) count;
        });
    }

    /**
     * Deletes by key with no SELECT first: the by-key statement for a model's own query, the query's DELETE with the
     * key's condition for a filtered one (a relation's included).
     */
    void deleteById(QuerySpec<M> spec, Object key) {
        Object idValue = idValue(key);
        boolean filtered = spec.filtered();
        Statement statement = filtered
                ? QueryRenderer.delete(sql, spec.where(new Condition.Compare<>(idAttribute, Condition.Operator.EQ, idValue)))
                : new Statement(sql.deleteById(), new Object[] {idValue}, idBinders);
        boolean deleted = transactions.run(unit -> {
            int count = executor.update(unit.connection(), statement, model, "delete " + model.name() + " " + idValue);
            if (count > 0) {
                unit.identityMap().remove(model.type(), idValue);
                evictChangedByDelete(unit);
            }
            return count > 0;
        });
        if (!deleted) {
            throw new ModelNotFoundException(model.type(), key);
        }
    }

    /** Rows that ON DELETE CASCADE removed or SET NULL changed must not be answered from the identity map. */
    private void evictChangedByDelete(UnitOfWork unit) {
        for (Class<?> changed : registry.changedByDeleteOf(model.type())) {
            unit.identityMap().evict(changed);
        }
    }

    // ---------------------------------------------------------------- JDBC

    private M insertRow(UnitOfWork unit, M instance) {
        boolean generate = id.generated() && id.isUnset(id.get(instance));
        String text = generate ? sql.insertGenerated() : sql.insertAll();
        int first = generate ? 1 : 0;
        Object versionBefore = stampFirstVersion(instance);
        try {
            executor.execute(unit.connection(), text, 1, generate ? insertReturningKey : Executor.PLAIN, statement -> {
                bindColumns(statement, instance, first);
                statement.executeUpdate();
                if (generate) {
                    try (ResultSet keys = statement.getGeneratedKeys()) {
                        if (!keys.next()) {
                            throw new SQLException("The database returned no generated key for " + model.name());
                        }
                        id.set(instance, key(keys));
                    }
                }
                return null;
            }, model, insertAction);
        } catch (RuntimeException | Error e) {
            restoreVersion(instance, versionBefore);
            throw e;
        }
        Object key = id.get(instance);
        unit.identityMap().put(model.type(), key, instance);
        relations.written(instance, key);
        return instance;
    }

    private void batchInsert(UnitOfWork unit, List<M> instances, boolean generate) {
        String text = generate ? sql.insertGenerated() : sql.insertAll();
        int first = generate ? 1 : 0;
        boolean keysFromStatement = generate && dialect.lastGeneratedKeyQuery() == null;
        executor.execute(unit.connection(), text, instances.size(), generate ? insertReturningKey : Executor.PLAIN, statement -> {
            for (M instance : instances) {
                bindColumns(statement, instance, first);
                statement.addBatch();
            }
            statement.executeBatch();
            if (keysFromStatement) {
                readBatchKeys(statement, instances);
            }
            return null;
        }, model, insertAction + " batch of " + instances.size());
        if (generate && !keysFromStatement) {
            numberBatchKeys(unit, instances);
        }
    }

    private void readBatchKeys(PreparedStatement statement, List<M> instances) throws SQLException {
        try (ResultSet keys = statement.getGeneratedKeys()) {
            for (M instance : instances) {
                if (!keys.next()) {
                    throw new SQLException("The database returned fewer generated keys than the " + instances.size()
                            + " rows inserted into " + model.name());
                }
                id.set(instance, key(keys));
            }
        }
    }

    /**
     * Keys of a batch for a database whose driver returns only the last one (SQLite): the batch ran in
     * one transaction holding the database's write lock (SQLite allows one writer), so its keys are
     * consecutive and end at the last one generated.
     */
    private void numberBatchKeys(UnitOfWork unit, List<M> instances) {
        long last = executor.query(unit.connection(), new Statement(dialect.lastGeneratedKeyQuery(), NO_VALUES, NO_BINDERS),
                rows -> {
                    rows.next();
                    return rows.getLong(1);
                }, model, insertAction + " batch of " + instances.size());
        long next = last - instances.size() + 1;
        for (M instance : instances) {
            id.set(instance, id.coerce(next++));
        }
    }

    // ---------------------------------------------------------------- @Version

    /** 0 or null: the model was never written, so there is no row version to match. */
    private static boolean versionUnset(Object value) {
        return value == null || ((Number) value).longValue() == 0;
    }

    private Object nextVersion(Object current) {
        return version.kind() == dev.ferro.impl.metadata.ValueKind.INT
                ? (Object) Math.addExact((Integer) current, 1)
                : (Object) Math.addExact((Long) current, 1L);
    }

    /** A new row starts at version 1 unless the model already holds one; returns what it held. */
    private Object stampFirstVersion(M instance) {
        if (version == null) {
            return null;
        }
        Object before = version.get(instance);
        if (versionUnset(before)) {
            version.set(instance, version.coerce(1L));
        }
        return before;
    }

    /** After a failed insert: the model goes back to the version it had, as no row holds the one it was given. */
    private void restoreVersion(M instance, Object before) {
        if (version != null) {
            version.set(instance, before);
        }
    }

    private Object key(ResultSet keys) throws SQLException {
        return id.coerce(keys.getLong(1));
    }

    private void bindColumns(PreparedStatement statement, M instance, int first) throws SQLException {
        FieldMetadata[] fields = sql.fields();
        ValueBinder[] binders = sql.binders();
        for (int i = first; i < fields.length; i++) {
            binders[i].bind(statement, i - first + 1, fields[i].get(instance));
        }
    }

    private boolean existsById(UnitOfWork unit, Object key) {
        Statement statement = new Statement(sql.selectById(), new Object[] {key}, new ValueBinder[] {sql.binders()[0]});
        return executor.query(unit.connection(), statement, ResultSet::next, model, selectAction);
    }

    private Object requireKey(M instance, String action) {
        Object key = id.get(instance);
        if (id.isUnset(key)) {
            throw new IllegalArgumentException("Cannot " + action + " a " + model.name() + " whose id is not set");
        }
        return key;
    }
}
