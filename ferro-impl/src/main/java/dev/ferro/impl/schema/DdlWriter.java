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

    /** CREATE TABLE IF NOT EXISTS, with the table's columns, primary key, unique constraints and foreign keys. */
    public String createTable(Table table) {
        StringBuilder sql = new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(dialect.quote(table.name())).append(" (");
        String singleKey = table.primaryKey().size() == 1 ? table.primaryKey().get(0) : null;
        String separator = "";
        for (Column column : table.columns()) {
            sql.append(separator);
            separator = ", ";
            if (column.generated()) {
                sql.append(dialect.generatedIdColumn(column.name(), columnType(column)));
                continue;
            }
            sql.append(dialect.quote(column.name())).append(' ').append(columnType(column));
            if (column.name().equals(singleKey)) {
                sql.append(" NOT NULL PRIMARY KEY");
            } else if (!column.nullable()) {
                sql.append(" NOT NULL");
            }
        }
        if (table.primaryKey().size() > 1) {
            sql.append(", PRIMARY KEY (").append(columns(table.primaryKey())).append(')');
        }
        for (Constraint unique : table.uniques()) {
            sql.append(", CONSTRAINT ").append(dialect.quote(unique.name())).append(" UNIQUE (").append(columns(unique.columns())).append(')');
        }
        for (ForeignKey fk : table.foreignKeys()) {
            sql.append(", CONSTRAINT ").append(dialect.quote(fk.name())).append(" FOREIGN KEY (").append(columns(fk.columns()))
                    .append(") REFERENCES ").append(dialect.quote(fk.targetTable())).append(" (").append(columns(fk.targetColumns()))
                    .append(") ON DELETE ").append(fk.onDelete().sql());
        }
        return sql.append(')').append(dialect.tableOptions()).toString();
    }

    /** CREATE INDEX IF NOT EXISTS of one of the table's (non-unique) indexes. */
    public String createIndex(Table table, Constraint index) {
        return "CREATE INDEX IF NOT EXISTS " + dialect.quote(index.name()) + " ON " + dialect.quote(table.name())
                + " (" + columns(index.columns()) + ")";
    }

    public String dropTable(String table) {
        return "DROP TABLE IF EXISTS " + dialect.quote(table);
    }

    /** The column's SQL type on this database. */
    public String columnType(Column column) {
        return dialect.columnType(column.kind(), column.length(), column.precision(), column.scale());
    }

    private String columns(List<String> names) {
        StringBuilder list = new StringBuilder();
        for (String name : names) {
            list.append(list.isEmpty() ? "" : ", ").append(dialect.quote(name));
        }
        return list.toString();
    }
}
