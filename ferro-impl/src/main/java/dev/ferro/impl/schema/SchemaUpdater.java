package dev.ferro.impl.schema;

import dev.ferro.impl.metadata.FieldMetadata;
import dev.ferro.impl.metadata.ModelMetadata;
import dev.ferro.impl.metadata.ModelRegistry;
import dev.ferro.impl.schema.SchemaModel.Column;
import dev.ferro.impl.schema.SchemaModel.Constraint;
import dev.ferro.impl.schema.SchemaModel.ForeignKey;
import dev.ferro.impl.schema.SchemaModel.Table;
import dev.ferro.impl.sql.Dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plans {@code SchemaMode.UPDATE}: the statements that add to a live database what the models have and
 * it lacks (tables with their indexes, nullable columns, NOT NULL columns of empty tables, unique
 * constraints, indexes, foreign keys), and the additions it cannot make, each naming its table and column.
 * It never drops, renames or changes what exists: a column of another type or length stays as it is
 * (validate reports it).
 */
final class SchemaUpdater {
    /** The statements in order, each with the model whose failure it would be; and what cannot be added. */
    record Plan(List<String> statements, List<ModelMetadata<?>> models, List<String> refused) {
    }

    private final ModelRegistry registry;
    private final Dialect dialect;
    private final DdlWriter ddl;

    SchemaUpdater(ModelRegistry registry, Dialect dialect, DdlWriter ddl) {
        this.registry = registry;
        this.dialect = dialect;
        this.ddl = ddl;
    }

    Plan plan(Connection connection) throws SQLException {
        DatabaseTables live = new DatabaseTables(connection, dialect);
        Plan plan = new Plan(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (ModelMetadata<?> model : registry.declared()) {
            plan(connection, live, SchemaModels.table(model), model, labels(model), plan);
        }
        for (var join : registry.declaredJoinTables()) {
            ModelMetadata<?> owner = registry.get(join.ownerId().model());
            plan(connection, live, SchemaModels.joinTable(join, registry), owner, Map.of(), plan);
        }
        return plan;
    }

    private void plan(Connection connection, DatabaseTables live, Table table, ModelMetadata<?> model, Map<String, String> labels,
                      Plan plan) throws SQLException {
        Map<String, DatabaseTables.Column> columns = live.columns(table.name());
        if (columns.isEmpty()) {
            add(plan, model, ddl.createTable(table));
            for (Constraint index : table.indexes()) {
                add(plan, model, ddl.createIndex(table, index));
            }
            return;
        }
        Map<String, ForeignKey> foreignKeyByColumn = new HashMap<>();
        for (ForeignKey fk : table.foreignKeys()) {
            foreignKeyByColumn.put(fk.columns().get(0), fk);
        }
        Boolean hasRows = null;
        List<String> added = new ArrayList<>();
        for (Column column : table.columns()) {
            if (columns.containsKey(lower(column.name()))) {
                continue;
            }
            String what = "column " + table.name() + "." + column.name()
                    + (labels.containsKey(column.name()) ? " (" + labels.get(column.name()) + ")" : "") + " cannot be added: ";
            if (table.primaryKey().contains(column.name()) || column.generated()) {
                plan.refused().add(what + "it is the primary key, which a table has from its start");
                continue;
            }
            if (!column.nullable()) {
                if (hasRows == null) {
                    hasRows = hasRows(connection, table);
                }
                if (hasRows) {
                    plan.refused().add(what + table.name() + " has rows, and a NOT NULL column needs a value for each (make the field"
                            + " nullable, or add the column by a migration that fills it)");
                    continue;
                }
                if (!dialect.altersConstraints()) {
                    plan.refused().add(what + dialect.name() + " adds a NOT NULL column only with a default, which Ferro does not"
                            + " declare (add it by a migration)");
                    continue;
                }
            }
            ForeignKey fk = foreignKeyByColumn.get(column.name());
            add(plan, model, ddl.addColumn(table, column, dialect.altersConstraints() ? null : fk));
            added.add(column.name());
        }
        List<DatabaseTables.Index> indexes = live.indexes(table.name());
        for (Constraint unique : table.uniques()) {
            List<String> wanted = lower(unique.columns());
            if (indexes.stream().noneMatch(index -> index.unique() && index.columns().equals(wanted))) {
                add(plan, model, ddl.addUnique(table, unique));
            }
        }
        for (Constraint index : table.indexes()) {
            List<String> wanted = lower(index.columns());
            if (indexes.stream().noneMatch(existing -> existing.name().equalsIgnoreCase(index.name()) || existing.columns().equals(wanted))) {
                add(plan, model, ddl.createIndex(table, index));
            }
        }
        Map<String, DatabaseTables.ForeignKey> foreignKeys = live.foreignKeys(table.name());
        for (ForeignKey fk : table.foreignKeys()) {
            String column = fk.columns().get(0);
            if (foreignKeys.containsKey(lower(column)) || (added.contains(column) && !dialect.altersConstraints())) {
                continue;
            }
            if (!dialect.altersConstraints()) {
                plan.refused().add("foreign key " + fk.name() + " on " + table.name() + " (" + column + " -> " + fk.targetTable() + "."
                        + fk.targetColumns().get(0) + ") cannot be added: " + dialect.name() + " adds a foreign key to an existing"
                        + " column only by rebuilding the table (add it by a migration)");
                continue;
            }
            add(plan, model, ddl.addForeignKey(table, fk));
        }
    }

    private boolean hasRows(Connection connection, Table table) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM " + dialect.quote(table.name()))) {
            select.setMaxRows(1);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void add(Plan plan, ModelMetadata<?> model, String statement) {
        plan.statements().add(statement);
        plan.models().add(model);
    }

    /** The field of each column, for the messages: {@code SchemaAccount.age}. */
    private static Map<String, String> labels(ModelMetadata<?> model) {
        Map<String, String> labels = new HashMap<>();
        for (FieldMetadata field : model.fields()) {
            labels.put(field.column(), field.toString());
        }
        return labels;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static List<String> lower(List<String> names) {
        return names.stream().map(SchemaUpdater::lower).toList();
    }
}
