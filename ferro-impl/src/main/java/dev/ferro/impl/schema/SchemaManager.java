package dev.ferro.impl.schema;

import dev.ferro.Schema;
import dev.ferro.SchemaMismatchException;
import dev.ferro.impl.execution.Executor;
import dev.ferro.impl.metadata.FieldMetadata;
import dev.ferro.impl.metadata.JoinTable;
import dev.ferro.impl.metadata.ModelMetadata;
import dev.ferro.impl.metadata.ModelRegistry;
import dev.ferro.impl.metadata.ValueKind;
import dev.ferro.impl.sql.Dialect;
import dev.ferro.impl.transaction.TransactionManager;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Creates, drops and checks the tables of models: their {@link SchemaModel} ({@link SchemaModels}), as
 * {@link DdlWriter} renders it. Creation is idempotent: tables and indexes use IF NOT EXISTS, and unique
 * and foreign-key constraints are part of their table. Existing tables are never altered. Tables are
 * created after the tables their foreign keys point at, and the join tables of many-to-many relations
 * after both of their sides.
 */
public final class SchemaManager implements Schema {
    private final ModelRegistry registry;
    private final Dialect dialect;
    private final TransactionManager transactions;
    private final Executor executor;
    private final DdlWriter ddl;

    public SchemaManager(ModelRegistry registry, Dialect dialect, TransactionManager transactions, Executor executor) {
        this.registry = registry;
        this.dialect = dialect;
        this.transactions = transactions;
        this.executor = executor;
        this.ddl = new DdlWriter(dialect);
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

    @Override
    public void validate() {
        List<String> mismatches = new ArrayList<>();
        transactions.run(unit -> {
            DatabaseMetaData database = unit.connection().getMetaData();
            for (ModelMetadata<?> model : registry.declared()) {
                check(database, unit.connection(), model, mismatches);
            }
            return null;
        });
        if (!mismatches.isEmpty()) {
            throw new SchemaMismatchException(mismatches);
        }
    }

    private void run(String statement, ModelMetadata<?> model) {
        transactions.run(unit -> executor.execute(unit.connection(), statement, 1, Executor.PLAIN, PreparedStatement::execute,
                model, "run the schema step for " + model.name() + " (" + statement + ")"));
    }

    private void check(DatabaseMetaData database, Connection connection, ModelMetadata<?> model, List<String> mismatches)
            throws SQLException {
        Map<String, ColumnInfo> columns = columns(database, connection, model.table());
        if (columns.isEmpty()) {
            mismatches.add("table " + model.table() + " (model " + model.name() + ") does not exist");
            return;
        }
        for (FieldMetadata field : model.fields()) {
            ColumnInfo column = columns.remove(field.column().toLowerCase(Locale.ROOT));
            String where = model.table() + "." + field.column() + " (" + field + ")";
            if (column == null) {
                mismatches.add("column " + where + " does not exist");
                continue;
            }
            if (!field.nullable() && column.nullable() && !field.isId()) {
                mismatches.add("column " + where + " accepts NULL but the field is required");
            }
            if (field.nullable() && !column.nullable()) {
                mismatches.add("column " + where + " is NOT NULL but the field may be null");
            }
            Family expected = family(field.kind());
            Family actual = family(column.sqlType());
            if (expected != Family.ANY && actual != Family.ANY && expected != actual) {
                mismatches.add("column " + where + " has type " + column.typeName() + ", which cannot hold "
                        + field.type().getSimpleName());
            }
        }
        for (ColumnInfo extra : columns.values()) {
            if (!extra.nullable() && !extra.hasDefault()) {
                mismatches.add("column " + model.table() + "." + extra.name() + " is NOT NULL without a default, and "
                        + model.name() + " has no field for it, so inserts would fail");
            }
        }
    }

    private record ColumnInfo(String name, int sqlType, String typeName, boolean nullable, boolean hasDefault) {
    }

    private Map<String, ColumnInfo> columns(DatabaseMetaData database, Connection connection, String table) throws SQLException {
        Map<String, ColumnInfo> columns = new HashMap<>();
        String catalog = connection.getCatalog();
        String schema = dialect.metadataSchema(connection);
        try (ResultSet rows = database.getColumns(catalog, schema, table, null)) {
            while (rows.next()) {
                // The table name is a LIKE pattern to the driver ("_" matches any character), so
                // columns of other tables whose names it matches come back too.
                if (!table.equalsIgnoreCase(rows.getString("TABLE_NAME"))) {
                    continue;
                }
                String name = rows.getString("COLUMN_NAME");
                columns.put(name.toLowerCase(Locale.ROOT), new ColumnInfo(name, rows.getInt("DATA_TYPE"), rows.getString("TYPE_NAME"),
                        rows.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
                        rows.getString("COLUMN_DEF") != null || "YES".equals(rows.getString("IS_AUTOINCREMENT"))));
            }
        }
        return columns;
    }

    private enum Family { NUMBER, TEXT, TEMPORAL, BINARY, ANY }

    private Family family(ValueKind kind) {
        if (!dialect.enforcesColumnTypes()) {
            return Family.ANY;
        }
        return switch (kind) {
            case BOOLEAN, SHORT, INT, LONG, FLOAT, DOUBLE, DECIMAL -> Family.NUMBER;
            case STRING, ENUM -> Family.TEXT;
            case LOCAL_DATE, LOCAL_TIME, LOCAL_DATE_TIME, OFFSET_DATE_TIME, INSTANT -> Family.TEMPORAL;
            case BYTES -> Family.BINARY;
            case UUID -> Family.ANY;
        };
    }

    private static Family family(int sqlType) {
        return switch (sqlType) {
            case Types.BIT, Types.BOOLEAN, Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.REAL,
                 Types.FLOAT, Types.DOUBLE, Types.NUMERIC, Types.DECIMAL -> Family.NUMBER;
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                 Types.NCLOB -> Family.TEXT;
            case Types.DATE, Types.TIME, Types.TIMESTAMP, Types.TIME_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE -> Family.TEMPORAL;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> Family.BINARY;
            default -> Family.ANY;
        };
    }
}
