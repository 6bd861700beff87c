package dev.ferro.impl.schema;

import java.util.Map;

/**
 * What a migration needs to know beyond the two schemas it goes between: the renames the models declare
 * (a table or column of the new schema and its name in the old one), never guessed from the schemas, and
 * the values a NOT NULL column added to a table with rows is filled with ({@code --backfill}).
 *
 * @param tables a renamed table's old name by its new one
 * @param columns a renamed column's old name by {@link #key(String, String) table.column}, the table's new name
 * @param backfills the value (as text of the column's kind) for the rows there are, by {@link #key table.column}
 */
public record MigrationHints(Map<String, String> tables, Map<String, String> columns, Map<String, String> backfills) {
    public static final MigrationHints NONE = new MigrationHints(Map.of(), Map.of(), Map.of());

    public MigrationHints {
        tables = Map.copyOf(tables);
        columns = Map.copyOf(columns);
        backfills = Map.copyOf(backfills);
    }

    public static String key(String table, String column) {
        return table + "." + column;
    }

    public MigrationHints withBackfills(Map<String, String> values) {
        return new MigrationHints(tables, columns, values);
    }

    /** The table's name in the old schema: its own, unless renamed. */
    public String oldTableName(String table) {
        return tables.getOrDefault(table, table);
    }

    /** The column's old name (of the table's new name), or null when it was not renamed. */
    public String renamedColumn(String table, String column) {
        return columns.get(key(table, column));
    }

    /** The backfill value of a column, or null. */
    public String backfill(String table, String column) {
        return backfills.get(key(table, column));
    }
}
