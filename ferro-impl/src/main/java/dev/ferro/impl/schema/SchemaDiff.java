package dev.ferro.impl.schema;

import dev.ferro.impl.schema.SchemaChange.AddColumn;
import dev.ferro.impl.schema.SchemaChange.AddForeignKey;
import dev.ferro.impl.schema.SchemaChange.AddIndex;
import dev.ferro.impl.schema.SchemaChange.AddTable;
import dev.ferro.impl.schema.SchemaChange.AddUnique;
import dev.ferro.impl.schema.SchemaChange.AlterColumn;
import dev.ferro.impl.schema.SchemaChange.DropColumn;
import dev.ferro.impl.schema.SchemaChange.DropForeignKey;
import dev.ferro.impl.schema.SchemaChange.DropIndex;
import dev.ferro.impl.schema.SchemaChange.DropTable;
import dev.ferro.impl.schema.SchemaChange.DropUnique;
import dev.ferro.impl.schema.SchemaChange.RenameColumn;
import dev.ferro.impl.schema.SchemaChange.RenameTable;
import dev.ferro.impl.schema.SchemaModel.Column;
import dev.ferro.impl.schema.SchemaModel.Constraint;
import dev.ferro.impl.schema.SchemaModel.ForeignKey;
import dev.ferro.impl.schema.SchemaModel.Table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The changes from one {@link SchemaModel} to another, both the models' logical schema (a snapshot and
 * the compiled models), so that no database is needed and the result is the same every time. Tables,
 * columns and constraints are matched by name, or by the old name a {@link MigrationHints rename} gives,
 * never by guessing; a constraint whose columns, target or rule changed is dropped and added again. The
 * order is one a database can run: constraints that go away first (on the table's old name), then tables
 * that go away (those pointing at others first), renamed tables, tables that come in the new schema's
 * order, renamed columns, column changes, and the constraints that come last.
 */
public final class SchemaDiff {
    private SchemaDiff() {
    }

    public static List<SchemaChange> between(SchemaModel from, SchemaModel to) {
        return between(from, to, MigrationHints.NONE);
    }

    public static List<SchemaChange> between(SchemaModel from, SchemaModel to, MigrationHints hints) {
        Map<String, Table> before = byName(from.tables(), Table::name);
        Map<String, Table> after = byName(to.tables(), Table::name);
        List<SchemaChange> dropConstraints = new ArrayList<>();
        List<SchemaChange> dropTables = new ArrayList<>();
        List<SchemaChange> renamedTables = new ArrayList<>();
        List<SchemaChange> tables = new ArrayList<>();
        List<SchemaChange> renamedColumns = new ArrayList<>();
        List<SchemaChange> columns = new ArrayList<>();
        List<SchemaChange> addConstraints = new ArrayList<>();

        Set<String> renamedAway = new HashSet<>();
        for (Table table : to.tables()) {
            String oldName = renamedFrom(table.name(), before, after, hints);
            if (oldName != null) {
                renamedAway.add(oldName);
            }
        }
        for (Table old : from.tables()) {
            if (!after.containsKey(old.name()) && !renamedAway.contains(old.name())) {
                dropTables.add(0, new DropTable(old));
            }
        }
        for (Table table : to.tables()) {
            String name = table.name();
            Table old = before.get(name);
            String oldName = renamedFrom(name, before, after, hints);
            if (oldName != null) {
                old = before.get(oldName);
                renamedTables.add(new RenameTable(oldName, name));
            }
            if (old == null) {
                tables.add(new AddTable(table));
                continue;
            }
            Map<String, Column> oldColumns = byName(old.columns(), Column::name);
            Map<String, Column> newColumns = byName(table.columns(), Column::name);
            Set<String> renamedColumnsAway = new HashSet<>();
            for (Column column : table.columns()) {
                Column was = oldColumns.get(column.name());
                String oldColumn = hints.renamedColumn(name, column.name());
                if (was == null && oldColumn != null && oldColumns.containsKey(oldColumn) && !newColumns.containsKey(oldColumn)) {
                    renamedColumns.add(new RenameColumn(name, oldColumn, column.name()));
                    renamedColumnsAway.add(oldColumn);
                    was = oldColumns.get(oldColumn).withName(column.name());
                }
                if (was == null) {
                    columns.add(new AddColumn(name, column));
                } else if (!was.equals(column)) {
                    columns.add(new AlterColumn(name, was, column));
                }
            }
            for (Column was : old.columns()) {
                if (!newColumns.containsKey(was.name()) && !renamedColumnsAway.contains(was.name())) {
                    columns.add(new DropColumn(name, was));
                }
            }
            String oldTable = old.name();
            constraints(oldTable, name, old.foreignKeys(), table.foreignKeys(), ForeignKey::name, DropForeignKey::new, AddForeignKey::new,
                    dropConstraints, addConstraints);
            constraints(oldTable, name, old.uniques(), table.uniques(), Constraint::name, DropUnique::new, AddUnique::new,
                    dropConstraints, addConstraints);
            constraints(oldTable, name, old.indexes(), table.indexes(), Constraint::name, DropIndex::new, AddIndex::new,
                    dropConstraints, addConstraints);
        }
        List<SchemaChange> all = new ArrayList<>(dropConstraints);
        all.addAll(dropTables);
        all.addAll(renamedTables);
        all.addAll(tables);
        all.addAll(renamedColumns);
        all.addAll(columns);
        all.addAll(addConstraints);
        return all;
    }

    /**
     * {@code to} with what it drops of {@code from} kept: the tables, and the columns (made nullable, since
     * the models no longer write them), for a migration whose drops are held back until asked for. Its
     * changes from {@code from} are {@link #between}'s but the drops of tables and columns.
     */
    public static SchemaModel keepingDrops(SchemaModel from, SchemaModel to, MigrationHints hints) {
        Map<String, Table> before = byName(from.tables(), Table::name);
        Map<String, Table> after = byName(to.tables(), Table::name);
        Set<String> renamedAway = new HashSet<>();
        List<Table> tables = new ArrayList<>();
        for (Table table : to.tables()) {
            String oldName = renamedFrom(table.name(), before, after, hints);
            if (oldName != null) {
                renamedAway.add(oldName);
            }
            Table old = before.get(oldName != null ? oldName : table.name());
            if (old == null) {
                tables.add(table);
                continue;
            }
            List<Column> columns = new ArrayList<>(table.columns());
            for (Column was : old.columns()) {
                boolean renamed = table.columns().stream().anyMatch(column -> was.name().equals(hints.renamedColumn(table.name(), column.name())));
                if (table.column(was.name()).isEmpty() && !renamed && !old.primaryKey().contains(was.name())) {
                    columns.add(was.withNullable(true));
                }
            }
            tables.add(table.withColumns(columns));
        }
        for (Table old : from.tables()) {
            if (!after.containsKey(old.name()) && !renamedAway.contains(old.name())) {
                tables.add(old);
            }
        }
        return new SchemaModel(tables);
    }

    /** The old name of a table the hints rename, when the old schema has it and the new one does not; else null. */
    private static String renamedFrom(String table, Map<String, Table> before, Map<String, Table> after, MigrationHints hints) {
        String oldName = hints.oldTableName(table);
        boolean renamed = !oldName.equals(table) && !before.containsKey(table) && before.containsKey(oldName) && !after.containsKey(oldName);
        return renamed ? oldName : null;
    }

    private static <C> void constraints(String oldTable, String table, List<C> before, List<C> after, Function<C, String> name,
                                        BiFunction<String, C, SchemaChange> drop,
                                        BiFunction<String, C, SchemaChange> add,
                                        List<SchemaChange> drops, List<SchemaChange> adds) {
        Map<String, C> old = byName(before, name);
        Map<String, C> now = byName(after, name);
        for (C was : before) {
            C is = now.get(name.apply(was));
            if (is == null || !is.equals(was)) {
                drops.add(drop.apply(oldTable, was));
            }
        }
        for (C is : after) {
            C was = old.get(name.apply(is));
            if (was == null || !was.equals(is)) {
                adds.add(add.apply(table, is));
            }
        }
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        return items.stream().collect(Collectors.toMap(name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }
}
