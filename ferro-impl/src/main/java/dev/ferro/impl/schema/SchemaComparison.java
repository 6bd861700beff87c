package dev.ferro.impl.schema;

import dev.ferro.impl.metadata.FieldMetadata;
import dev.ferro.impl.metadata.JoinTable;
import dev.ferro.impl.metadata.ModelMetadata;
import dev.ferro.impl.metadata.ModelRegistry;
import dev.ferro.impl.metadata.ValueKind;
import dev.ferro.impl.schema.SchemaDifference.Mismatch;
import dev.ferro.impl.schema.SchemaDifference.MissingColumn;
import dev.ferro.impl.schema.SchemaDifference.MissingForeignKey;
import dev.ferro.impl.schema.SchemaDifference.MissingIndex;
import dev.ferro.impl.schema.SchemaDifference.MissingTable;
import dev.ferro.impl.schema.SchemaDifference.MissingUnique;
import dev.ferro.impl.schema.SchemaModel.Constraint;
import dev.ferro.impl.schema.SchemaModel.Table;
import dev.ferro.impl.sql.Dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a live database with the models' schema and lists every {@link SchemaDifference}, each with
 * its table, column or constraint named: missing tables and columns, nullability, types that cannot hold the field,
 * string lengths and decimal precision and scale other than the dialect declares, the primary key,
 * missing unique constraints and indexes, and foreign keys that are missing, point elsewhere or delete
 * by another rule. Unique constraints are matched by their columns, since a database may keep one under
 * a name of its own (SQLite's {@code sqlite_autoindex_...}); indexes by name, else by columns.
 */
final class SchemaComparison {
    /** The sizes in a declared type: {@code VARCHAR(255)}, {@code NUMERIC(12,4)}. */
    private static final Pattern SIZES = Pattern.compile("\\((\\d+)(?:\\s*,\\s*(\\d+))?\\)");

    private final ModelRegistry registry;
    private final Dialect dialect;
    private final DdlWriter ddl;

    SchemaComparison(ModelRegistry registry, Dialect dialect, DdlWriter ddl) {
        this.registry = registry;
        this.dialect = dialect;
        this.ddl = ddl;
    }

    List<SchemaDifference> differences(Connection connection) throws SQLException {
        DatabaseTables live = new DatabaseTables(connection, dialect);
        List<SchemaDifference> differences = new ArrayList<>();
        for (ModelMetadata<?> model : registry.declared()) {
            checkModel(live, model, differences);
        }
        for (JoinTable join : registry.declaredJoinTables()) {
            checkJoinTable(live, join, differences);
        }
        return differences;
    }

    private void checkModel(DatabaseTables live, ModelMetadata<?> model, List<SchemaDifference> differences) throws SQLException {
        Table table = SchemaModels.table(model);
        Map<String, DatabaseTables.Column> columns = live.columns(model.table());
        if (columns.isEmpty()) {
            differences.add(new MissingTable("table " + model.table() + " (model " + model.name() + ") does not exist", model, table));
            return;
        }
        for (FieldMetadata field : model.fields()) {
            DatabaseTables.Column column = columns.remove(lower(field.column()));
            String where = model.table() + "." + field.column() + " (" + field + ")";
            if (column == null) {
                differences.add(new MissingColumn("column " + where + " does not exist", model, table,
                        table.column(field.column()).orElseThrow(), field.toString()));
                continue;
            }
            if (!field.nullable() && column.nullable() && !field.isId()) {
                differences.add(new Mismatch("column " + where + " accepts NULL but the field is required", model));
            }
            if (field.nullable() && !column.nullable()) {
                differences.add(new Mismatch("column " + where + " is NOT NULL but the field may be null", model));
            }
            Family expected = family(field.kind());
            Family actual = family(column.sqlType());
            if (expected != Family.ANY && actual != Family.ANY && expected != actual) {
                differences.add(new Mismatch("column " + where + " has type " + column.typeName() + ", which cannot hold "
                        + field.type().getSimpleName(), model));
            } else {
                checkSize(column, table.column(field.column()).orElseThrow(), where, model, differences);
            }
        }
        for (DatabaseTables.Column extra : columns.values()) {
            if (!extra.nullable() && !extra.hasDefault()) {
                differences.add(new Mismatch("column " + model.table() + "." + extra.name() + " is NOT NULL without a default, and "
                        + model.name() + " has no field for it, so inserts would fail", model));
            }
        }
        List<String> primaryKey = live.primaryKey(model.table());
        if (!primaryKey.equals(lower(table.primaryKey()))) {
            differences.add(new Mismatch("table " + model.table() + " (model " + model.name() + ") has "
                    + (primaryKey.isEmpty() ? "no primary key" : "the primary key (" + String.join(", ", primaryKey) + ")")
                    + " where the model's is (" + String.join(", ", table.primaryKey()) + ")", model));
        }
        checkConstraints(live, table, model, "model " + model.name(), differences);
    }

    private void checkJoinTable(DatabaseTables live, JoinTable join, List<SchemaDifference> differences) throws SQLException {
        Table table = SchemaModels.joinTable(join, registry);
        ModelMetadata<?> model = registry.get(join.ownerId().model());
        String owner = "join table of " + model.name();
        Map<String, DatabaseTables.Column> columns = live.columns(table.name());
        if (columns.isEmpty()) {
            differences.add(new MissingTable("table " + table.name() + " (" + owner + ") does not exist", model, table));
            return;
        }
        for (SchemaModel.Column expected : table.columns()) {
            DatabaseTables.Column column = columns.get(lower(expected.name()));
            if (column == null) {
                differences.add(new MissingColumn("column " + table.name() + "." + expected.name() + " (" + owner + ") does not exist",
                        model, table, expected, ""));
            } else if (column.nullable()) {
                differences.add(new Mismatch("column " + table.name() + "." + expected.name() + " (" + owner + ") accepts NULL but must not",
                        model));
            }
        }
        checkConstraints(live, table, model, owner, differences);
    }

    /** A string's length, or a decimal's precision and scale, against those the dialect declares for the field. */
    private void checkSize(DatabaseTables.Column column, SchemaModel.Column expected, String where, ModelMetadata<?> model,
                           List<SchemaDifference> differences) {
        boolean string = expected.kind() == ValueKind.STRING || expected.kind() == ValueKind.ENUM;
        if (!(string || expected.kind() == ValueKind.DECIMAL) || !dialect.enforcesColumnTypes()) {
            return;
        }
        String declared = ddl.columnType(expected);
        Matcher sizes = SIZES.matcher(declared);
        if (!sizes.find()) {
            return; // unbounded text: TEXT, LONGTEXT, CHARACTER LARGE OBJECT
        }
        int size = Integer.parseInt(sizes.group(1));
        if (string && column.size() != size) {
            differences.add(new Mismatch("column " + where + " has length " + column.size() + " where the field's column is " + declared,
                    model));
        }
        if (!string) {
            int scale = sizes.group(2) == null ? 0 : Integer.parseInt(sizes.group(2));
            if (column.size() != size || column.digits() != scale) {
                differences.add(new Mismatch("column " + where + " has precision " + column.size() + " and scale " + column.digits()
                        + " where the field's column is " + declared, model));
            }
        }
    }

    private void checkConstraints(DatabaseTables live, Table table, ModelMetadata<?> model, String owner,
                                  List<SchemaDifference> differences) throws SQLException {
        List<DatabaseTables.Index> indexes = live.indexes(table.name());
        for (Constraint unique : table.uniques()) {
            List<String> columns = lower(unique.columns());
            if (indexes.stream().noneMatch(index -> index.unique() && index.columns().equals(columns))) {
                differences.add(new MissingUnique("unique constraint " + unique.name() + " on " + table.name() + " ("
                        + String.join(", ", unique.columns()) + ") does not exist (" + owner + ")", model, table, unique));
            }
        }
        for (Constraint expected : table.indexes()) {
            List<String> columns = lower(expected.columns());
            DatabaseTables.Index named = indexes.stream().filter(index -> index.name().equalsIgnoreCase(expected.name())).findFirst()
                    .orElse(null);
            if (named != null && !named.columns().equals(columns)) {
                differences.add(new Mismatch("index " + expected.name() + " on " + table.name() + " is over ("
                        + String.join(", ", named.columns()) + ") where the model's is over (" + String.join(", ", expected.columns())
                        + ") (" + owner + ")", model));
            } else if (named == null && indexes.stream().noneMatch(index -> index.columns().equals(columns))) {
                differences.add(new MissingIndex("index " + expected.name() + " on " + table.name() + " ("
                        + String.join(", ", expected.columns()) + ") does not exist (" + owner + ")", model, table, expected));
            }
        }
        Map<String, DatabaseTables.ForeignKey> foreignKeys = live.foreignKeys(table.name());
        for (SchemaModel.ForeignKey expected : table.foreignKeys()) {
            String column = expected.columns().get(0);
            String target = expected.targetTable() + "." + expected.targetColumns().get(0);
            String what = "foreign key " + expected.name() + " on " + table.name() + " (" + column + " -> " + target + ")";
            DatabaseTables.ForeignKey actual = foreignKeys.get(lower(column));
            if (actual == null) {
                differences.add(new MissingForeignKey(what + " does not exist (" + owner + ")", model, table, expected));
            } else if (!(actual.targetTable() + "." + actual.targetColumn()).equals(lower(target))) {
                differences.add(new Mismatch(what + " points at " + actual.targetTable() + "." + actual.targetColumn() + " (" + owner + ")",
                        model));
            } else if (expected.onDelete() != actual.onDelete()) {
                differences.add(new Mismatch(what + " is ON DELETE " + (actual.onDelete() == null ? "SET DEFAULT" : actual.onDelete().sql())
                        + " where the model's is ON DELETE " + expected.onDelete().sql() + " (" + owner + ")", model));
            }
        }
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

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static List<String> lower(List<String> names) {
        return names.stream().map(SchemaComparison::lower).toList();
    }
}
