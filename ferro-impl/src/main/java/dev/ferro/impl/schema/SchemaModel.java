package dev.ferro.impl.schema;

import dev.ferro.OnDelete;
import dev.ferro.impl.metadata.ValueKind;

import java.util.List;
import java.util.Optional;

/**
 * The logical schema of a set of models as plain immutable data, the same on every database: tables,
 * their columns by kind and size, primary key, unique constraints, indexes and foreign keys, the join
 * tables of many-to-many relations included. {@link SchemaModels} derives it from the models' metadata
 * and {@link DdlWriter} renders it through a dialect; it is what the schema step creates and what a
 * database is checked against.
 *
 * @param tables in creation order: a table after those its foreign keys point at
 */
public record SchemaModel(List<Table> tables) {
    public SchemaModel {
        tables = List.copyOf(tables);
    }

    /** The table of this name, case as the models write it. */
    public Optional<Table> table(String name) {
        return tables.stream().filter(table -> table.name().equals(name)).findFirst();
    }

    /**
     * One table.
     *
     * @param primaryKey the primary key's columns; none for a join table, whose unique constraint on the pair is its key
     */
    public record Table(String name, List<Column> columns, List<String> primaryKey, List<Constraint> uniques,
                        List<Constraint> indexes, List<ForeignKey> foreignKeys) {
        public Table {
            columns = List.copyOf(columns);
            primaryKey = List.copyOf(primaryKey);
            uniques = List.copyOf(uniques);
            indexes = List.copyOf(indexes);
            foreignKeys = List.copyOf(foreignKeys);
        }

        public Optional<Column> column(String name) {
            return columns.stream().filter(column -> column.name().equals(name)).findFirst();
        }

        public Table withColumns(List<Column> newColumns) {
            return new Table(name, newColumns, primaryKey, uniques, indexes, foreignKeys);
        }
    }

    /**
     * One column, by the kind of value it holds and its size.
     *
     * @param length a string's or an enum's length ({@code Column.UNLIMITED} for unbounded text), else 0
     * @param precision a decimal's digits, else 0
     * @param scale a decimal's digits after the point, else 0
     * @param generated whether the database generates its values (an identity column)
     * @param defaultValue the database's default, a value of the kind as text ({@code @Column(defaultValue)}); null for none
     */
    public record Column(String name, ValueKind kind, int length, int precision, int scale, boolean nullable, boolean generated,
                         String defaultValue) {
        /** A column without a default. */
        public Column(String name, ValueKind kind, int length, int precision, int scale, boolean nullable, boolean generated) {
            this(name, kind, length, precision, scale, nullable, generated, null);
        }

        public Column withName(String newName) {
            return new Column(newName, kind, length, precision, scale, nullable, generated, defaultValue);
        }

        public Column withNullable(boolean acceptsNull) {
            return new Column(name, kind, length, precision, scale, acceptsNull, generated, defaultValue);
        }
    }

    /** A named unique constraint or index over columns, in order. */
    public record Constraint(String name, List<String> columns) {
        public Constraint {
            columns = List.copyOf(columns);
        }
    }

    /** A named foreign key from columns of its table to the primary key of another. */
    public record ForeignKey(String name, List<String> columns, String targetTable, List<String> targetColumns, OnDelete onDelete) {
        public ForeignKey {
            columns = List.copyOf(columns);
            targetColumns = List.copyOf(targetColumns);
        }
    }
}
