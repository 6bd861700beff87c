package dev.ferro.impl.schema;

import dev.ferro.impl.metadata.ModelMetadata;
import dev.ferro.impl.schema.SchemaDifference.MissingColumn;
import dev.ferro.impl.schema.SchemaDifference.MissingForeignKey;
import dev.ferro.impl.schema.SchemaDifference.MissingIndex;
import dev.ferro.impl.schema.SchemaDifference.MissingTable;
import dev.ferro.impl.schema.SchemaDifference.MissingUnique;
import dev.ferro.impl.schema.SchemaModel.Column;
import dev.ferro.impl.schema.SchemaModel.Constraint;
import dev.ferro.impl.schema.SchemaModel.ForeignKey;
import dev.ferro.impl.schema.SchemaModel.Table;
import dev.ferro.impl.sql.Dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans {@code SchemaMode.UPDATE} from the {@link SchemaDifference}s: the statements that add what is
 * missing (tables with their indexes, nullable columns, NOT NULL columns of empty tables, unique
 * constraints, indexes, foreign keys), and the additions it cannot make, each naming its table and
 * column. It never drops, renames or changes what exists: a {@link SchemaDifference.Mismatch} stays for
 * validate to report.
 */
final class SchemaUpdater {
    /** The statements in order, each with the model whose failure it would be; and what cannot be added. */
    record Plan(List<String> statements, List<ModelMetadata<?>> models, List<String> refused) {
    }

    private final Dialect dialect;
    private final DdlWriter ddl;

    SchemaUpdater(Dialect dialect, DdlWriter ddl) {
        this.dialect = dialect;
        this.ddl = ddl;
    }

    Plan plan(Connection connection, List<SchemaDifference> differences) throws SQLException {
        Plan plan = new Plan(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        Map<String, Boolean> hasRows = new HashMap<>();
        // A foreign key that comes with its new column, as SQLite adds one (REFERENCES in ADD COLUMN).
        Set<ForeignKey> inline = new HashSet<>();
        for (SchemaDifference difference : differences) {
            if (difference instanceof MissingTable missing) {
                add(plan, missing.model(), ddl.createTable(missing.table()));
                for (Constraint index : missing.table().indexes()) {
                    add(plan, missing.model(), ddl.createIndex(missing.table(), index));
                }
            } else if (difference instanceof MissingColumn missing) {
                String refusal = refusal(connection, missing, hasRows);
                if (refusal != null) {
                    plan.refused().add(refusal);
                    continue;
                }
                ForeignKey fk = dialect.altersConstraints() ? null : foreignKeyOf(missing.table(), missing.column());
                if (fk != null) {
                    inline.add(fk);
                }
                add(plan, missing.model(), ddl.addColumn(missing.table(), missing.column(), fk));
            } else if (difference instanceof MissingUnique missing) {
                add(plan, missing.model(), ddl.addUnique(missing.table(), missing.unique()));
            } else if (difference instanceof MissingIndex missing) {
                add(plan, missing.model(), ddl.createIndex(missing.table(), missing.index()));
            } else if (difference instanceof MissingForeignKey missing && !inline.contains(missing.foreignKey())) {
                ForeignKey fk = missing.foreignKey();
                if (dialect.altersConstraints()) {
                    add(plan, missing.model(), ddl.addForeignKey(missing.table(), fk));
                } else {
                    plan.refused().add("foreign key " + fk.name() + " on " + missing.table().name() + " (" + fk.columns().get(0) + " -> "
                            + fk.targetTable() + "." + fk.targetColumns().get(0) + ") cannot be added: " + dialect.name()
                            + " adds a foreign key to an existing column only by rebuilding the table (add it by a migration)");
                }
            }
            // A Mismatch is something that exists otherwise: update leaves it for validate to report.
        }
        return plan;
    }

    /** Why a missing column cannot be added, or null when it can. */
    private String refusal(Connection connection, MissingColumn missing, Map<String, Boolean> hasRows) throws SQLException {
        Table table = missing.table();
        Column column = missing.column();
        String what = "column " + table.name() + "." + column.name() + (missing.field().isEmpty() ? "" : " (" + missing.field() + ")")
                + " cannot be added: ";
        if (table.primaryKey().contains(column.name()) || column.generated()) {
            return what + "it is the primary key, which a table has from its start";
        }
        if (column.nullable() || column.defaultValue() != null) {
            return null; // a default fills the rows there are, on every database
        }
        Boolean rows = hasRows.get(table.name());
        if (rows == null) {
            rows = hasRows(connection, table);
            hasRows.put(table.name(), rows);
        }
        if (rows) {
            return what + table.name() + " has rows, and a NOT NULL column needs a value for each (make the field nullable, give it"
                    + " @Column(defaultValue), or add the column by a migration that fills it)";
        }
        if (!dialect.altersConstraints()) {
            return what + dialect.name() + " adds a NOT NULL column only with a default (give it @Column(defaultValue), or add it by a"
                    + " migration)";
        }
        return null;
    }

    private static ForeignKey foreignKeyOf(Table table, Column column) {
        return table.foreignKeys().stream().filter(fk -> fk.columns().equals(List.of(column.name()))).findFirst().orElse(null);
    }

    private boolean hasRows(Connection connection, Table table) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM " + dialect.quote(table.name()))) {
            select.setMaxRows(1);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void add(Plan plan, ModelMetadata<?> model, String statement) {
        plan.statements().add(statement);
        plan.models().add(model);
    }
}
