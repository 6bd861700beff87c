package dev.ferro.impl.schema;

import dev.ferro.OnDelete;
import dev.ferro.impl.sql.Dialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a live database holds of one table, read through {@link DatabaseMetaData}: its columns, primary
 * key, indexes (unique constraints among them, which every database keeps as unique indexes) and foreign
 * keys. Names come back as the database keeps them; they are compared ignoring case.
 */
final class DatabaseTables {
    /**
     * A column as the driver describes it; {@code size} is a string's length or a decimal's precision, and
     * {@code defaultExpression} its default as the database writes it back ({@code 'draft'::character varying}), or null.
     */
    record Column(String name, int sqlType, String typeName, int size, int digits, boolean nullable, boolean hasDefault,
                  String defaultExpression) {
    }

    /** An index over columns in order; unique ones include the primary key's and those of unique constraints. */
    record Index(String name, List<String> columns, boolean unique) {
    }

    /** A foreign key's target and delete rule, by its column (Ferro's foreign keys have one). */
    record ForeignKey(String name, String column, String targetTable, String targetColumn, OnDelete onDelete) {
    }

    private final DatabaseMetaData metadata;
    private final String catalog;
    private final String schema;

    DatabaseTables(Connection connection, Dialect dialect) throws SQLException {
        this.metadata = connection.getMetaData();
        this.catalog = connection.getCatalog();
        this.schema = dialect.metadataSchema(connection);
    }

    /** The table's columns by lower-cased name, in their order; none when the table does not exist. */
    Map<String, Column> columns(String table) throws SQLException {
        Map<String, Column> columns = new LinkedHashMap<>();
        try (ResultSet rows = metadata.getColumns(catalog, schema, table, null)) {
            while (rows.next()) {
                // The table name is a LIKE pattern to the driver ("_" matches any character), so
                // columns of other tables whose names it matches come back too.
                if (!table.equalsIgnoreCase(rows.getString("TABLE_NAME"))) {
                    continue;
                }
                String name = rows.getString("COLUMN_NAME");
                columns.put(lower(name), new Column(name, rows.getInt("DATA_TYPE"), rows.getString("TYPE_NAME"),
                        rows.getInt("COLUMN_SIZE"), rows.getInt("DECIMAL_DIGITS"),
                        rows.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
                        rows.getString("COLUMN_DEF") != null || "YES".equals(rows.getString("IS_AUTOINCREMENT")),
                        rows.getString("COLUMN_DEF")));
            }
        }
        return columns;
    }

    /** The primary key's columns, lower-cased, in key order. */
    List<String> primaryKey(String table) throws SQLException {
        TreeMap<Integer, String> columns = new TreeMap<>();
        try (ResultSet rows = metadata.getPrimaryKeys(catalog, schema, table)) {
            while (rows.next()) {
                if (table.equalsIgnoreCase(rows.getString("TABLE_NAME"))) {
                    columns.put(rows.getInt("KEY_SEQ"), lower(rows.getString("COLUMN_NAME")));
                }
            }
        }
        return List.copyOf(columns.values());
    }

    /** The table's indexes, columns lower-cased and in order. */
    List<Index> indexes(String table) throws SQLException {
        Map<String, TreeMap<Integer, String>> columnsByName = new LinkedHashMap<>();
        Map<String, Boolean> uniqueByName = new HashMap<>();
        try (ResultSet rows = metadata.getIndexInfo(catalog, schema, table, false, false)) {
            while (rows.next()) {
                String name = rows.getString("INDEX_NAME");
                String column = rows.getString("COLUMN_NAME");
                if (name == null || column == null || rows.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic
                        || !table.equalsIgnoreCase(rows.getString("TABLE_NAME"))) {
                    continue;
                }
                columnsByName.computeIfAbsent(name, key -> new TreeMap<>()).put((int) rows.getShort("ORDINAL_POSITION"), lower(column));
                uniqueByName.put(name, !rows.getBoolean("NON_UNIQUE"));
            }
        }
        List<Index> indexes = new ArrayList<>();
        columnsByName.forEach((name, columns) -> indexes.add(new Index(name, List.copyOf(columns.values()), uniqueByName.get(name))));
        return indexes;
    }

    /** The table's foreign keys, by lower-cased column. */
    Map<String, ForeignKey> foreignKeys(String table) throws SQLException {
        Map<String, ForeignKey> keys = new HashMap<>();
        try (ResultSet rows = metadata.getImportedKeys(catalog, schema, table)) {
            while (rows.next()) {
                if (!table.equalsIgnoreCase(rows.getString("FKTABLE_NAME"))) {
                    continue;
                }
                String column = lower(rows.getString("FKCOLUMN_NAME"));
                keys.put(column, new ForeignKey(rows.getString("FK_NAME"), column, lower(rows.getString("PKTABLE_NAME")),
                        lower(rows.getString("PKCOLUMN_NAME")), onDelete(rows.getShort("DELETE_RULE"))));
            }
        }
        return keys;
    }

    /** The rule as Ferro names it; null for SET DEFAULT, which Ferro never declares. */
    private static OnDelete onDelete(short rule) {
        return switch (rule) {
            case DatabaseMetaData.importedKeyCascade -> OnDelete.CASCADE;
            case DatabaseMetaData.importedKeyRestrict -> OnDelete.RESTRICT;
            case DatabaseMetaData.importedKeySetNull -> OnDelete.SET_NULL;
            case DatabaseMetaData.importedKeyNoAction -> OnDelete.NO_ACTION;
            default -> null;
        };
    }

    private static String lower(String name) {
        return name == null ? null : name.toLowerCase(Locale.ROOT);
    }
}
