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
import dev.ferro.impl.schema.SchemaModel.Column;
import dev.ferro.impl.schema.SchemaModel.Constraint;
import dev.ferro.impl.schema.SchemaModel.ForeignKey;
import dev.ferro.impl.schema.SchemaModel.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The changes from one {@link SchemaModel} to another, both the models' logical schema (a snapshot and
 * the compiled models), so that no database is needed and the result is the same every time. Tables,
 * columns and constraints are matched by name; a constraint whose columns, target or rule changed is
 * dropped and added again. The order is one a database can run: constraints that go away first, then
 * tables that go away (those pointing at others first), tables that come in the new schema's order,
 * column changes, and the constraints that come last.
 */
public final class SchemaDiff {
    private SchemaDiff() {
    }

    public static List<SchemaChange> between(SchemaModel from, SchemaModel to) {
        Map<String, Table> before = byName(from.tables(), Table::name);
        Map<String, Table> after = byName(to.tables(), Table::name);
        List<SchemaChange> dropConstraints = new ArrayList<>();
        List<SchemaChange> dropTables = new ArrayList<>();
        List<SchemaChange> tables = new ArrayList<>();
        List<SchemaChange> columns = new ArrayList<>();
        List<SchemaChange> addConstraints = new ArrayList<>();

        for (Table old : from.tables()) {
            if (!after.containsKey(old.name())) {
                dropTables.add(0, new DropTable(old));
            }
        }
        for (Table table : to.tables()) {
            Table old = before.get(table.name());
            if (old == null) {
                tables.add(new AddTable(table));
                continue;
            }
            String name = table.name();
            Map<String, Column> oldColumns = byName(old.columns(), Column::name);
            Map<String, Column> newColumns = byName(table.columns(), Column::name);
            for (Column column : table.columns()) {
                Column was = oldColumns.get(column.name());
                if (was == null) {
                    columns.add(new AddColumn(name, column));
                } else if (!was.equals(column)) {
                    columns.add(new AlterColumn(name, was, column));
                }
            }
            for (Column was : old.columns()) {
                if (!newColumns.containsKey(was.name())) {
                    columns.add(new DropColumn(name, was));
                }
            }
            constraints(name, old.foreignKeys(), table.foreignKeys(), ForeignKey::name, DropForeignKey::new, AddForeignKey::new,
                    dropConstraints, addConstraints);
            constraints(name, old.uniques(), table.uniques(), Constraint::name, DropUnique::new, AddUnique::new,
                    dropConstraints, addConstraints);
            constraints(name, old.indexes(), table.indexes(), Constraint::name, DropIndex::new, AddIndex::new,
                    dropConstraints, addConstraints);
        }
        List<SchemaChange> all = new ArrayList<>(dropConstraints);
        all.addAll(dropTables);
        all.addAll(tables);
        all.addAll(columns);
        all.addAll(addConstraints);
        return all;
    }

    private static <C> void constraints(String table, List<C> before, List<C> after, Function<C, String> name,
                                        BiFunction<String, C, SchemaChange> drop,
                                        BiFunction<String, C, SchemaChange> add,
                                        List<SchemaChange> drops, List<SchemaChange> adds) {
        Map<String, C> old = byName(before, name);
        Map<String, C> now = byName(after, name);
        for (C was : before) {
            C is = now.get(name.apply(was));
            if (is == null || !is.equals(was)) {
                drops.add(drop.apply(table, was));
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
