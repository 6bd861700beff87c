package dev.ferro.impl.schema;

import dev.ferro.OnDelete;
import dev.ferro.impl.metadata.FieldMetadata;
import dev.ferro.impl.metadata.ForeignKeyMetadata;
import dev.ferro.impl.metadata.IndexMetadata;
import dev.ferro.impl.metadata.JoinTable;
import dev.ferro.impl.metadata.ModelMetadata;
import dev.ferro.impl.metadata.ModelRegistry;
import dev.ferro.impl.metadata.Naming;
import dev.ferro.impl.schema.SchemaModel.Column;
import dev.ferro.impl.schema.SchemaModel.Constraint;
import dev.ferro.impl.schema.SchemaModel.ForeignKey;
import dev.ferro.impl.schema.SchemaModel.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Derives the {@link SchemaModel} of models from their metadata: the one place where a model becomes tables. */
public final class SchemaModels {
    private SchemaModels() {
    }

    /** The declared models' tables in their order, then the join tables their many-to-many fields own. */
    public static SchemaModel of(ModelRegistry registry) {
        List<Table> tables = new ArrayList<>();
        for (ModelMetadata<?> model : registry.declared()) {
            tables.add(table(model));
        }
        for (JoinTable join : registry.declaredJoinTables()) {
            tables.add(joinTable(join, registry));
        }
        return new SchemaModel(tables);
    }

    /** A model's own table. */
    public static Table table(ModelMetadata<?> model) {
        List<Column> columns = new ArrayList<>();
        for (FieldMetadata field : model.fields()) {
            columns.add(column(field.column(), field, field.nullable() && !field.isId(), field.isId() && field.generated()));
        }
        List<Constraint> uniques = new ArrayList<>();
        List<Constraint> indexes = new ArrayList<>();
        for (IndexMetadata index : model.indexes()) {
            (index.unique() ? uniques : indexes).add(new Constraint(index.name(), index.columns()));
        }
        List<ForeignKey> foreignKeys = new ArrayList<>();
        for (FieldMetadata field : model.foreignKeys()) {
            ForeignKeyMetadata fk = field.foreignKey();
            foreignKeys.add(new ForeignKey(fk.constraint(), List.of(field.column()), fk.targetTable(),
                    List.of(fk.targetId().column()), fk.onDelete()));
        }
        return new Table(model.table(), columns, List.of(model.id().column()), uniques, indexes, foreignKeys);
    }

    /**
     * A many-to-many's join table: a column for each side's key, both required, each a foreign key that
     * deletes the links with the row, unique as a pair, and an index on the second for the reverse side.
     */
    public static Table joinTable(JoinTable join, ModelRegistry registry) {
        ModelMetadata<?> owner = registry.get(join.ownerId().model());
        ModelMetadata<?> target = registry.get(join.targetId().model());
        String table = join.table();
        return new Table(table,
                List.of(column(join.ownerColumn(), join.ownerId(), false, false), column(join.targetColumn(), join.targetId(), false, false)),
                List.of(),
                List.of(new Constraint(join.uniqueConstraint(), List.of(join.ownerColumn(), join.targetColumn()))),
                List.of(new Constraint(Naming.constraintName("idx", table, List.of(join.targetColumn())), List.of(join.targetColumn()))),
                List.of(new ForeignKey(Naming.constraintName("fk", table, List.of(join.ownerColumn())), List.of(join.ownerColumn()),
                                owner.table(), List.of(owner.id().column()), OnDelete.CASCADE),
                        new ForeignKey(Naming.constraintName("fk", table, List.of(join.targetColumn())), List.of(join.targetColumn()),
                                target.table(), List.of(target.id().column()), OnDelete.CASCADE)));
    }

    private static Column column(String name, FieldMetadata field, boolean nullable, boolean generated) {
        return new Column(name, field.kind(), field.length(), field.precision(), field.scale(), nullable, generated, field.defaultValue());
    }

    /** The renames the models declare ({@code @Model(renamedFrom)}, {@code @Column(renamedFrom)}), for the next migration. */
    public static MigrationHints hints(ModelRegistry registry) {
        Map<String, String> tables = new LinkedHashMap<>();
        Map<String, String> columns = new LinkedHashMap<>();
        for (ModelMetadata<?> model : registry.declared()) {
            if (model.renamedFrom() != null) {
                tables.put(model.table(), model.renamedFrom());
            }
            for (FieldMetadata field : model.fields()) {
                if (field.renamedFrom() != null) {
                    columns.put(MigrationHints.key(model.table(), field.column()), field.renamedFrom());
                }
            }
        }
        return new MigrationHints(tables, columns, Map.of());
    }
}
