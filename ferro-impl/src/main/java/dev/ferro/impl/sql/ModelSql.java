package dev.ferro.impl.sql;

import dev.ferro.impl.metadata.FieldMetadata;
import dev.ferro.impl.metadata.ModelMetadata;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A model's statements in one dialect, rendered once: the by-key statements as strings, and a
 * cache of query statements by shape (see {@link QueryRenderer}). Also the binder and reader of
 * every column, in column order, and the related models its queries may reach.
 */
public final class ModelSql<M> {
    private static final int MAX_CACHED_SHAPES = 2_000;

    private final ModelMetadata<M> model;
    private final Dialect dialect;
    private final FieldMetadata[] fields;
    private final ValueBinder[] binders;
    private final ValueReader[] readers;
    private final String table;
    private final String idColumn;
    private final String selectFrom;
    private final String selectById;
    private final String insertAll;
    private final String insertGenerated;
    private final String updateById;
    private final String deleteById;
    /** The {@code @Version} column's place in {@link #fields}, or -1. */
    private final int versionIndex;
    private final String deleteByIdAndVersion;
    private final ConcurrentHashMap<Object, String> shapes = new ConcurrentHashMap<>();
    private final RelatedModels related;

    public ModelSql(ModelMetadata<M> model, Dialect dialect) {
        this(model, dialect, RelatedModels.NONE);
    }

    /** With the models its conditions may reach through relations ({@code Post_.author.to(User_.name)}). */
    public ModelSql(ModelMetadata<M> model, Dialect dialect, RelatedModels related) {
        this.model = model;
        this.dialect = dialect;
        this.related = related;
        List<FieldMetadata> all = model.fields();
        this.fields = all.toArray(FieldMetadata[]::new);
        this.binders = all.stream().map(dialect::binder).toArray(ValueBinder[]::new);
        this.readers = all.stream().map(dialect::reader).toArray(ValueReader[]::new);
        this.table = dialect.quote(model.table());
        this.idColumn = dialect.quote(model.id().column());
        String columns = all.stream().map(f -> dialect.quote(f.column())).collect(Collectors.joining(", "));
        this.selectFrom = "SELECT " + columns + " FROM " + table;
        this.selectById = selectFrom + " WHERE " + idColumn + " = ?";
        this.insertAll = "INSERT INTO " + table + " (" + columns + ") VALUES ("
                + all.stream().map(f -> "?").collect(Collectors.joining(", ")) + ")";
        List<FieldMetadata> rest = all.subList(1, all.size());
        this.insertGenerated = rest.isEmpty()
                ? dialect.insertDefaults(table)
                : "INSERT INTO " + table + " (" + rest.stream().map(f -> dialect.quote(f.column())).collect(Collectors.joining(", "))
                + ") VALUES (" + rest.stream().map(f -> "?").collect(Collectors.joining(", ")) + ")";
        this.versionIndex = model.version() == null ? -1 : all.indexOf(model.version());
        String versionMatch = versionIndex < 0 ? "" : " AND " + dialect.quote(model.version().column()) + " = ?";
        this.updateById = rest.isEmpty() ? null : "UPDATE " + table + " SET "
                + rest.stream().map(f -> dialect.quote(f.column()) + " = ?").collect(Collectors.joining(", "))
                + " WHERE " + idColumn + " = ?" + versionMatch;
        this.deleteById = "DELETE FROM " + table + " WHERE " + idColumn + " = ?";
        this.deleteByIdAndVersion = versionIndex < 0 ? null : deleteById + versionMatch;
    }

    /** The place of the {@code @Version} column in {@link #fields()}, or -1 when the model has none. */
    public int versionIndex() {
        return versionIndex;
    }

    /** {@code DELETE ... WHERE id = ? AND version = ?}; null when the model has no version. */
    public String deleteByIdAndVersion() {
        return deleteByIdAndVersion;
    }

    public ModelMetadata<M> model() {
        return model;
    }

    /** The models this one's conditions reach through relations. */
    public RelatedModels related() {
        return related;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Every column, the id first. */
    public FieldMetadata[] fields() {
        return fields;
    }

    public ValueBinder[] binders() {
        return binders;
    }

    public ValueReader[] readers() {
        return readers;
    }

    public String table() {
        return table;
    }

    public String idColumn() {
        return idColumn;
    }

    /**
     * The field an attribute of this model names.
     *
     * @throws IllegalArgumentException for an attribute of another model
     */
    public FieldMetadata field(dev.ferro.Attribute<?, ?> attribute) {
        if (attribute.model() != model.type()) {
            throw new IllegalArgumentException("Attribute " + attribute + " belongs to " + attribute.model().getSimpleName()
                    + ", not to " + model.name());
        }
        if (attribute.via() != null) {
            throw new dev.ferro.InvalidQueryException(attribute + " is a path to a related model's column, which conditions,"
                    + " orderBy and select read; it is refused here, where a column of " + model.name() + " is needed");
        }
        return model.field(attribute.name());
    }

    public String quotedColumn(FieldMetadata field) {
        return dialect.quote(field.column());
    }

    /** {@code SELECT <every column> FROM <table>}. */
    public String selectFrom() {
        return selectFrom;
    }

    public String selectById() {
        return selectById;
    }

    /** INSERT of every column, the id included. */
    public String insertAll() {
        return insertAll;
    }

    /** INSERT of every column but the generated id. */
    public String insertGenerated() {
        return insertGenerated;
    }

    /**
     * UPDATE of every column but the id, by id, and by the version it was read with when the model has
     * one ({@code ... WHERE id = ? AND version = ?}); null when the model has only an id.
     */
    public String updateById() {
        return updateById;
    }

    public String deleteById() {
        return deleteById;
    }

    /** The statement of a query shape, rendered on first use. */
    public String statement(Object shape, java.util.function.Supplier<String> render) {
        String sql = shapes.get(shape);
        if (sql != null) {
            return sql;
        }
        sql = render.get();
        // Shapes that vary without bound (IN lists of every length) must not grow the cache forever.
        if (shapes.size() < MAX_CACHED_SHAPES) {
            shapes.putIfAbsent(shape, sql);
        }
        return sql;
    }
}
