package dev.ferro.impl.schema;

import dev.ferro.Schema;
import dev.ferro.SchemaMismatchException;
import dev.ferro.impl.execution.Executor;
import dev.ferro.impl.metadata.JoinTable;
import dev.ferro.impl.metadata.ModelMetadata;
import dev.ferro.impl.metadata.ModelRegistry;
import dev.ferro.impl.sql.Dialect;
import dev.ferro.impl.transaction.TransactionManager;

import java.sql.PreparedStatement;
import java.util.List;

/**
 * Creates, drops and checks the tables of models: their {@link SchemaModel} ({@link SchemaModels}), as
 * {@link DdlWriter} renders it. Creation is idempotent: tables and indexes use IF NOT EXISTS, and unique
 * and foreign-key constraints are part of their table. Existing tables are never altered. Tables are
 * created after the tables their foreign keys point at, and the join tables of many-to-many relations
 * after both of their sides.
 */
public final class SchemaManager implements Schema {
    private final ModelRegistry registry;
    private final TransactionManager transactions;
    private final Executor executor;
    private final DdlWriter ddl;
    private final SchemaComparison comparison;
    private final SchemaUpdater updater;

    public SchemaManager(ModelRegistry registry, Dialect dialect, TransactionManager transactions, Executor executor) {
        this.registry = registry;
        this.transactions = transactions;
        this.executor = executor;
        this.ddl = new DdlWriter(dialect);
        this.comparison = new SchemaComparison(registry, dialect, ddl);
        this.updater = new SchemaUpdater(dialect, ddl);
    }

    @Override
    public void create() {
        for (ModelMetadata<?> model : registry.declared()) {
            create(model);
        }
        for (JoinTable join : registry.declaredJoinTables()) {
            createJoinTable(join);
        }
    }

    /** Creates these models' tables in the order given, then the join tables their many-to-many fields own. */
    @Override
    public void create(Class<?>... models) {
        for (Class<?> model : models) {
            create(registry.get(model));
        }
        for (Class<?> model : models) {
            for (JoinTable join : registry.joinTablesOf(model)) {
                createJoinTable(join);
            }
        }
    }

    /** Drops the join tables these models' many-to-many fields own, then their tables, in the order given. */
    @Override
    public void drop(Class<?>... models) {
        for (Class<?> model : models) {
            for (JoinTable join : registry.joinTablesOf(model)) {
                run(ddl.dropTable(join.table()), registry.get(model));
            }
        }
        for (Class<?> model : models) {
            ModelMetadata<?> metadata = registry.get(model);
            run(ddl.dropTable(metadata.table()), metadata);
        }
    }

    private void create(ModelMetadata<?> model) {
        create(SchemaModels.table(model), model);
    }

    /** A join table; its failures are reported as the owning model's. */
    private void createJoinTable(JoinTable join) {
        create(SchemaModels.joinTable(join, registry), registry.get(join.ownerId().model()));
    }

    private void create(SchemaModel.Table table, ModelMetadata<?> model) {
        run(ddl.createTable(table), model);
        for (SchemaModel.Constraint index : table.indexes()) {
            run(ddl.createIndex(table, index), model);
        }
    }

    /** Plans every addition first, so that an addition it cannot make leaves the database as it was. */
    @Override
    public void update() {
        SchemaUpdater.Plan plan = transactions.run(unit -> updater.plan(unit.connection(), comparison.differences(unit.connection())));
        if (!plan.refused().isEmpty()) {
            throw new SchemaMismatchException(plan.refused());
        }
        for (int i = 0; i < plan.statements().size(); i++) {
            run(plan.statements().get(i), plan.models().get(i));
        }
    }

    @Override
    public void validate() {
        List<String> mismatches = transactions.run(unit -> comparison.differences(unit.connection())).stream()
                .map(SchemaDifference::message).toList();
        if (!mismatches.isEmpty()) {
            throw new SchemaMismatchException(mismatches);
        }
    }

    private void run(String statement, ModelMetadata<?> model) {
        transactions.run(unit -> executor.execute(unit.connection(), statement, 1, Executor.PLAIN, PreparedStatement::execute,
                model, "run the schema step for " + model.name() + " (" + statement + ")"));
    }
}
