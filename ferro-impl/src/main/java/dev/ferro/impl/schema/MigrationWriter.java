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
import dev.ferro.impl.schema.SchemaModel.Table;
import dev.ferro.impl.sql.Dialect;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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

    /**
     * @throws IllegalStateException for a change the migration cannot make, naming table and column
     */
    public List<String> statements(SchemaModel from, SchemaModel to) {
        List<SchemaChange> changes = SchemaDiff.between(from, to);
        Set<String> rebuilt = rebuilt(changes);
        List<String> statements = new ArrayList<>();
        for (SchemaChange change : changes) {
            if (change instanceof AddColumn add && !add.column().nullable()) {
                throw refused(change, add.column().name(), "a NOT NULL column added to an existing table needs a value for its rows;"
                        + " add it nullable, fill it, then make it required");
            }
            if (!rebuilt.contains(change.table())) {
                statements.addAll(alter(change));
            }
        }
        for (String table : rebuilt) {
            statements.addAll(rebuild(from.table(table).orElseThrow(), to.table(table).orElseThrow()));
        }
        return statements;
    }

    /** The tables whose changes this database makes only by rebuilding them. */
    private Set<String> rebuilt(List<SchemaChange> changes) {
        Set<String> tables = new LinkedHashSet<>();
        if (dialect.altersConstraints()) {
            return tables;
        }
        for (SchemaChange change : changes) {
            boolean needsRebuild = change instanceof DropUnique || change instanceof AddForeignKey || change instanceof DropForeignKey
                    || change instanceof AlterColumn alter && !sameOnThisDatabase(alter.from(), alter.to());
            if (needsRebuild) {
                tables.add(change.table());
            }
        }
        return tables;
    }

    private List<String> alter(SchemaChange change) {
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
        if (change instanceof AddColumn add) {
            return List.of(ddl.addColumn(tableNamed(change.table()), add.column(), null));
        }
        if (change instanceof DropColumn drop) {
            return List.of("ALTER TABLE " + table + " DROP COLUMN " + dialect.quote(drop.column().name()));
        }
        if (change instanceof AlterColumn alter) {
            return alterColumn(change, table, alter.from(), alter.to());
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

    private List<String> alterColumn(SchemaChange change, String table, Column from, Column to) {
        if (sameOnThisDatabase(from, to)) {
            return List.of(); // SQLite declares no sizes: a longer string is the same TEXT column
        }
        if (from.generated() != to.generated()) {
            throw refused(change, to.name(), "a column that becomes or stops being generated by the database");
        }
        String fromType = ddl.columnType(from);
        String toType = ddl.columnType(to);
        return dialect.alterColumn(table, dialect.quote(to.name()), toType, !fromType.equals(toType), to.nullable(),
                from.nullable() != to.nullable());
    }

    private boolean sameOnThisDatabase(Column from, Column to) {
        return ddl.columnType(from).equals(ddl.columnType(to)) && from.nullable() == to.nullable() && from.generated() == to.generated();
    }

    /** SQLite's procedure: the new table beside the old, the rows copied, the old dropped, the new renamed and indexed. */
    private List<String> rebuild(Table from, Table to) {
        Table next = new Table(to.name() + REBUILT, to.columns(), to.primaryKey(), to.uniques(), List.of(), to.foreignKeys());
        List<String> kept = to.columns().stream().map(Column::name).filter(name -> from.column(name).isPresent()).toList();
        List<String> statements = new ArrayList<>(dialect.beforeRebuild());
        statements.add(ddl.newTable(next));
        statements.add("INSERT INTO " + dialect.quote(next.name()) + " (" + columns(kept) + ") SELECT " + columns(kept) + " FROM "
                + dialect.quote(from.name()));
        statements.add("DROP TABLE " + dialect.quote(from.name()));
        statements.add("ALTER TABLE " + dialect.quote(next.name()) + " RENAME TO " + dialect.quote(to.name()));
        for (Constraint index : to.indexes()) {
            statements.add(ddl.newIndex(to, index));
        }
        statements.addAll(dialect.afterRebuild());
        return statements;
    }

    private static IllegalStateException refused(SchemaChange change, String what, String why) {
        return new IllegalStateException("Cannot migrate " + change.table() + "." + what + ": " + why);
    }

    private String columns(List<String> names) {
        return String.join(", ", names.stream().map(dialect::quote).toList());
    }

    /** A table known by name alone, for the statements that name it and nothing else of it. */
    private static Table tableNamed(String name) {
        return new Table(name, List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
