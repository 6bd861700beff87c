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
import dev.ferro.impl.schema.SchemaModel.Table;
import dev.ferro.impl.sql.Dialect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes the migration from one version of the models' schema to the next as one database's statements:
 * the {@link SchemaDiff} of the two, each change as the database's ALTER TABLE says it (PostgreSQL's
 * {@code USING} cast, MariaDB's {@code MODIFY COLUMN}, {@code DROP INDEX} and {@code DROP FOREIGN KEY}).
 * Where the database does not alter constraints (SQLite), a table with a change ALTER TABLE cannot make
 * is rebuilt instead, as SQLite's documentation does it: a new table made and filled with the rows, the
 * old one dropped, the new one renamed, its indexes made again, foreign keys off around it; such
 * statements must run outside a transaction. A NOT NULL column added to an existing table is refused on
 * every database, naming table and column: it needs a value for the rows there are.
 */
public final class MigrationWriter {
    private static final String REBUILT = "__ferro_rebuilt";

    private final Dialect dialect;
    private final DdlWriter ddl;

    public MigrationWriter(Dialect dialect) {
        this.dialect = dialect;
        this.ddl = new DdlWriter(dialect);
    }

    /** The statements from one version to the next, where nothing is renamed and no value is backfilled. */
    public List<String> statements(SchemaModel from, SchemaModel to) {
        return statements(from, to, MigrationHints.NONE);
    }

    /**
     * @throws IllegalStateException for a change the migration cannot make, naming table and column
     */
    public List<String> statements(SchemaModel from, SchemaModel to, MigrationHints hints) {
        List<SchemaChange> changes = SchemaDiff.between(from, to, hints);
        Map<String, String> renamedTo = new HashMap<>();
        for (SchemaChange change : changes) {
            if (change instanceof RenameTable rename) {
                renamedTo.put(rename.from(), rename.to());
            }
        }
        Set<String> rebuilt = rebuilt(changes, renamedTo, hints);
        List<String> statements = new ArrayList<>();
        for (SchemaChange change : changes) {
            if (change instanceof AddColumn add && !add.column().nullable() && add.column().defaultValue() == null
                    && hints.backfill(add.table(), add.column().name()) == null) {
                throw refused(change, add.column().name(), "a NOT NULL column added to a table with rows needs a value for them:"
                        + " give it @Column(defaultValue = ...), or the generator --backfill " + MigrationHints.key(add.table(), add.column().name())
                        + "=<value>");
            }
            if (!rebuilt.contains(renamedTo.getOrDefault(change.table(), change.table()))) {
                statements.addAll(alter(change, hints));
            }
        }
        for (String table : rebuilt) {
            Table old = from.table(hints.oldTableName(table)).filter(t -> renamedTo.containsKey(t.name()))
                    .or(() -> from.table(table)).orElseThrow();
            statements.addAll(rebuild(old, to.table(table).orElseThrow(), hints));
        }
        return statements;
    }

    /** The tables (by their new names) whose changes this database makes only by rebuilding them. */
    private Set<String> rebuilt(List<SchemaChange> changes, Map<String, String> renamedTo, MigrationHints hints) {
        Set<String> tables = new LinkedHashSet<>();
        if (dialect.altersConstraints()) {
            return tables;
        }
        for (SchemaChange change : changes) {
            boolean needsRebuild = change instanceof DropUnique || change instanceof AddForeignKey || change instanceof DropForeignKey
                    || change instanceof AlterColumn alter && !sameOnThisDatabase(alter.from(), alter.to())
                    || change instanceof AddColumn add && !add.column().nullable() && add.column().defaultValue() == null;
            if (needsRebuild) {
                tables.add(renamedTo.getOrDefault(change.table(), change.table()));
            }
        }
        return tables;
    }

    private List<String> alter(SchemaChange change, MigrationHints hints) {
        String table = dialect.quote(change.table());
        if (change instanceof AddTable add) {
            List<String> statements = new ArrayList<>();
            statements.add(ddl.newTable(add.added()));
            for (Constraint index : add.added().indexes()) {
                statements.add(ddl.newIndex(add.added(), index));
            }
            return statements;
        }
        if (change instanceof DropTable) {
            return List.of("DROP TABLE " + table);
        }
        if (change instanceof RenameTable rename) {
            return List.of(dialect.renameTable(dialect.quote(rename.from()), table));
        }
        if (change instanceof RenameColumn rename) {
            return List.of(dialect.renameColumn(table, dialect.quote(rename.from()), dialect.quote(rename.to())));
        }
        if (change instanceof AddColumn add) {
            return addColumn(add, hints.backfill(add.table(), add.column().name()));
        }
        if (change instanceof DropColumn drop) {
            return List.of("ALTER TABLE " + table + " DROP COLUMN " + dialect.quote(drop.column().name()));
        }
        if (change instanceof AlterColumn alter) {
            return alterColumn(change, table, alter.from(), alter.to(), hints.backfill(alter.table(), alter.to().name()));
        }
        if (change instanceof AddUnique add) {
            return List.of(ddl.addUnique(tableNamed(change.table()), add.unique()));
        }
        if (change instanceof DropUnique drop) {
            return List.of(dialect.dropUnique(table, dialect.quote(drop.unique().name())));
        }
        if (change instanceof AddIndex add) {
            return List.of(ddl.newIndex(tableNamed(change.table()), add.index()));
        }
        if (change instanceof DropIndex drop) {
            return List.of(dialect.dropIndex(table, dialect.quote(drop.index().name())));
        }
        if (change instanceof AddForeignKey add) {
            return List.of(ddl.addForeignKey(tableNamed(change.table()), add.foreignKey()));
        }
        if (change instanceof DropForeignKey drop) {
            return List.of(dialect.dropForeignKey(table, dialect.quote(drop.foreignKey().name())));
        }
        throw new IllegalArgumentException("Unknown schema change " + change);
    }

    /**
     * A nullable column, or a NOT NULL one with a default, which the database fills the rows there are with, is
     * added as it is; a NOT NULL one without a default is added nullable, filled with the backfill value, then
     * made NOT NULL.
     */
    private List<String> addColumn(AddColumn add, String backfill) {
        Column column = add.column();
        if (column.nullable() || column.defaultValue() != null) {
            return List.of(ddl.addColumn(tableNamed(add.table()), column, null));
        }
        Column filled = column.withNullable(true);
        List<String> statements = new ArrayList<>();
        statements.add(ddl.addColumn(tableNamed(add.table()), filled, null));
        statements.add(backfill(add.table(), column, backfill));
        statements.addAll(alterColumn(add, dialect.quote(add.table()), filled, column, null));
        return statements;
    }

    private String backfill(String table, Column column, String value) {
        String quoted = dialect.quote(column.name());
        return "UPDATE " + dialect.quote(table) + " SET " + quoted + " = " + literal(table, column, value) + " WHERE " + quoted + " IS NULL";
    }

    private List<String> alterColumn(SchemaChange change, String table, Column from, Column to, String backfill) {
        if (sameOnThisDatabase(from, to)) {
            return List.of(); // SQLite declares no sizes: a longer string is the same TEXT column
        }
        if (from.generated() != to.generated()) {
            throw refused(change, to.name(), "a column that becomes or stops being generated by the database");
        }
        String fromType = ddl.columnType(from);
        String toType = ddl.columnType(to);
        List<String> statements = new ArrayList<>();
        if (from.nullable() && !to.nullable() && backfill != null) {
            statements.add(backfill(change.table(), to, backfill));
        }
        String toDefault = ddl.defaultLiteral(to);
        statements.addAll(dialect.alterColumn(table, dialect.quote(to.name()), new Dialect.ColumnAlteration(toType, !fromType.equals(toType),
                to.nullable(), from.nullable() != to.nullable(), toDefault, !Objects.equals(ddl.defaultLiteral(from), toDefault))));
        return statements;
    }

    private boolean sameOnThisDatabase(Column from, Column to) {
        return ddl.columnType(from).equals(ddl.columnType(to)) && from.nullable() == to.nullable() && from.generated() == to.generated()
                && Objects.equals(from.defaultValue(), to.defaultValue());
    }

    /**
     * SQLite's procedure: the new table beside the old, the rows copied (a renamed column from its old name, a
     * backfilled one given its value where it has none), the old dropped, the new renamed and indexed.
     */
    private List<String> rebuild(Table from, Table to, MigrationHints hints) {
        Table next = new Table(to.name() + REBUILT, to.columns(), to.primaryKey(), to.uniques(), List.of(), to.foreignKeys());
        List<String> targets = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (Column column : to.columns()) {
            String renamed = hints.renamedColumn(to.name(), column.name());
            String source = from.column(column.name()).isPresent() ? column.name()
                    : renamed != null && from.column(renamed).isPresent() ? renamed : null;
            String backfill = hints.backfill(to.name(), column.name());
            String value = backfill == null ? null : literal(to.name(), column, backfill);
            if (source == null && value == null) {
                continue; // a new column: its default, or NULL
            }
            targets.add(dialect.quote(column.name()));
            sources.add(source == null ? value : value == null ? dialect.quote(source) : "COALESCE(" + dialect.quote(source) + ", " + value + ")");
        }
        List<String> statements = new ArrayList<>(dialect.beforeRebuild());
        statements.add(ddl.newTable(next));
        statements.add("INSERT INTO " + dialect.quote(next.name()) + " (" + String.join(", ", targets) + ") SELECT "
                + String.join(", ", sources) + " FROM " + dialect.quote(from.name()));
        statements.add("DROP TABLE " + dialect.quote(from.name()));
        statements.add("ALTER TABLE " + dialect.quote(next.name()) + " RENAME TO " + dialect.quote(to.name()));
        for (Constraint index : to.indexes()) {
            statements.add(ddl.newIndex(to, index));
        }
        statements.addAll(dialect.afterRebuild());
        return statements;
    }

    /** A backfill value as a literal of the column's kind, or a refusal naming the column. */
    private String literal(String table, Column column, String value) {
        try {
            return dialect.literal(column.kind(), value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Cannot backfill " + table + "." + column.name() + " with '" + value + "': " + e.getMessage(), e);
        }
    }

    private static IllegalStateException refused(SchemaChange change, String what, String why) {
        return new IllegalStateException("Cannot migrate " + change.table() + "." + what + ": " + why);
    }

    /** A table known by name alone, for the statements that name it and nothing else of it. */
    private static Table tableNamed(String name) {
        return new Table(name, List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
