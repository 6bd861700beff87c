package dev.ferro.impl.schema;

import dev.ferro.impl.schema.SchemaModel.Column;
import dev.ferro.impl.schema.SchemaModel.Constraint;
import dev.ferro.impl.schema.SchemaModel.ForeignKey;
import dev.ferro.impl.schema.SchemaModel.Table;
import dev.ferro.impl.sql.Dialect;

import java.util.List;

/** Renders the tables and indexes of a {@link SchemaModel} as one database's DDL. */
public final class DdlWriter {
    private final Dialect dialect;

    public DdlWriter(Dialect dialect) {
        this.dialect = dialect;
    }

    /** CREATE TABLE IF NOT EXISTS, for the schema step, which leaves an existing table alone: see {@link #newTable}. */
    public String createTable(Table table) {
        return table("CREATE TABLE IF NOT EXISTS ", table);
    }

    /** CREATE TABLE, for a migration, which fails on a table that is there already rather than keep it as it is. */
    public String newTable(Table table) {
        return table("CREATE TABLE ", table);
    }

    /** The table's columns, primary key, unique constraints and foreign keys. */
    private String table(String create, Table table) {
        StringBuilder sql = new StringBuilder(create).append(dialect.quote(table.name())).append(" (");
        String singleKey = table.primaryKey().size() == 1 ? table.primaryKey().get(0) : null;
        String separator = "";
        for (Column column : table.columns()) {
            sql.append(separator);
            separator = ", ";
            if (column.generated()) {
                sql.append(dialect.generatedIdColumn(column.name(), columnType(column)));
                continue;
            }
            if (column.name().equals(singleKey)) {
                sql.append(dialect.quote(column.name())).append(' ').append(columnType(column)).append(" NOT NULL PRIMARY KEY");
            } else {
                sql.append(columnDefinition(column));
            }
        }
        if (table.primaryKey().size() > 1) {
            sql.append(", PRIMARY KEY (").append(columns(table.primaryKey())).append(')');
        }
        for (Constraint unique : table.uniques()) {
            sql.append(", CONSTRAINT ").append(dialect.quote(unique.name())).append(" UNIQUE (").append(columns(unique.columns())).append(')');
        }
        for (ForeignKey fk : table.foreignKeys()) {
            sql.append(", ").append(foreignKey(fk));
        }
        return sql.append(')').append(dialect.tableOptions()).toString();
    }

    /** A column that is not the key, as CREATE TABLE and ADD COLUMN declare it: name, type, default and NOT NULL. */
    public String columnDefinition(Column column) {
        return dialect.quote(column.name()) + ' ' + columnType(column)
                + (column.defaultValue() == null ? "" : " DEFAULT " + defaultLiteral(column))
                + (column.nullable() ? "" : " NOT NULL");
    }

    /** The column's default as this database's literal, or null when it has none. */
    public String defaultLiteral(Column column) {
        return column.defaultValue() == null ? null : dialect.literal(column.kind(), column.defaultValue());
    }

    /** ALTER TABLE ... ADD COLUMN of a column that is not the key, with the foreign key that comes with it, if any. */
    public String addColumn(Table table, Column column, ForeignKey inline) {
        String definition = columnDefinition(column);
        if (inline != null) {
            definition += " REFERENCES " + dialect.quote(inline.targetTable()) + " (" + columns(inline.targetColumns())
                    + ") ON DELETE " + inline.onDelete().sql();
        }
        return "ALTER TABLE " + dialect.quote(table.name()) + " ADD COLUMN " + definition;
    }

    /** Adds a unique constraint to an existing table, as the dialect can. */
    public String addUnique(Table table, Constraint unique) {
        return dialect.addUnique(dialect.quote(table.name()), dialect.quote(unique.name()), columns(unique.columns()));
    }

    /** ALTER TABLE ... ADD CONSTRAINT of a foreign key, where the dialect alters constraints. */
    public String addForeignKey(Table table, ForeignKey fk) {
        return "ALTER TABLE " + dialect.quote(table.name()) + " ADD " + foreignKey(fk);
    }

    /** CREATE INDEX IF NOT EXISTS of one of the table's (non-unique) indexes, for the schema step. */
    public String createIndex(Table table, Constraint index) {
        return "CREATE INDEX IF NOT EXISTS " + index(table, index);
    }

    /** CREATE INDEX, for a migration. */
    public String newIndex(Table table, Constraint index) {
        return "CREATE INDEX " + index(table, index);
    }

    private String index(Table table, Constraint index) {
        return dialect.quote(index.name()) + " ON " + dialect.quote(table.name()) + " (" + columns(index.columns()) + ")";
    }

    public String dropTable(String table) {
        return "DROP TABLE IF EXISTS " + dialect.quote(table);
    }

    /** The column's SQL type on this database. */
    public String columnType(Column column) {
        return dialect.columnType(column.kind(), column.length(), column.precision(), column.scale());
    }

    private String foreignKey(ForeignKey fk) {
        return "CONSTRAINT " + dialect.quote(fk.name()) + " FOREIGN KEY (" + columns(fk.columns()) + ") REFERENCES "
                + dialect.quote(fk.targetTable()) + " (" + columns(fk.targetColumns()) + ") ON DELETE " + fk.onDelete().sql();
    }

    private String columns(List<String> names) {
        StringBuilder list = new StringBuilder();
        for (String name : names) {
            list.append(list.isEmpty() ? "" : ", ").append(dialect.quote(name));
        }
        return list.toString();
    }
}
