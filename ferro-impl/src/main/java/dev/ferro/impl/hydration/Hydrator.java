package dev.ferro.impl.hydration;

import dev.ferro.impl.metadata.FieldMetadata;
import dev.ferro.impl.metadata.ModelMetadata;
import dev.ferro.impl.sql.ModelSql;
import dev.ferro.impl.sql.ValueReader;
import dev.ferro.impl.transaction.IdentityMap;
import dev.ferro.spi.ModelRows;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a row becomes a model. The columns come in {@link ModelSql#fields()} order, id first, so
 * the identity map is asked before anything else is read: an instance already in the unit of work
 * is returned as it is. A new instance comes from the model's generated {@code <Model>_Rows} (plain
 * field writes, see {@link GeneratedRows}) when the annotation processor could write one, else from
 * readers and setters resolved once per model: one reader call per column and one method-handle call
 * for all of them. A foreign key's key becomes a lazy {@code Ref}, and the relation fields get their
 * handles, through the {@link RelationBinder}.
 */
public final class Hydrator<M> {
    private final ModelMetadata<M> model;
    private final Class<M> type;
    private final FieldMetadata[] fields;
    /** The readers of a new instance's columns ({@link dev.ferro.impl.sql.Dialect#freshReader}), the id's first. */
    private final ValueReader[] freshReaders;
    /** The reader of a new instance's id. */
    private final ValueReader idReader;
    /**
     * A joined model's id reader, which reads SQL NULL as null: a join that found no row gives NULL for its columns,
     * which {@link #idReader}, a plain getter for a primitive id, would read as 0. Null for the model a query reads.
     */
    private final ValueReader joinedIdReader;
    /**
     * Writes every column of a new instance from an array of values, {@code (Object,Object[])void}:
     * one method-handle call per row instead of one per column, since a handle that is not a
     * constant is a call the JIT cannot inline (about a third of the time of reading 10,000 rows on H2).
     */
    private final MethodHandle writeAll;
    private final boolean hasRelationFields;
    private final RelationBinder relations;
    /** The processor's {@code <Model>_Rows}, or null: then {@link #writeAll} sets the fields. */
    private final ModelRows<M> rows;
    /** A new instance's columns, with the dialect's fresh readers. */
    private final RowColumns columns;
    /** The columns a refresh overwrites: SQL NULL reads as null, which leaves a primitive field as it was. */
    private final RowColumns refreshColumns;
    /** The row's column before this model's first: 0, or the columns of the model a join read it beside. */
    private final int offset;

    public Hydrator(ModelSql<M> sql, RelationBinder relations) {
        this.model = sql.model();
        this.type = model.type();
        this.fields = sql.fields();
        ValueReader[] freshReaders = new ValueReader[fields.length];
        for (int i = 0; i < fields.length; i++) {
            freshReaders[i] = sql.dialect().freshReader(fields[i]);
        }
        this.freshReaders = freshReaders;
        this.idReader = freshReaders[0];
        this.joinedIdReader = null;
        this.hasRelationFields = !model.relations().isEmpty();
        this.relations = relations;
        this.rows = GeneratedRows.find(type, fields);
        this.writeAll = rows == null ? writeAll(fields) : null;
        this.columns = new RowColumns(fields, freshReaders, relations, sql.dialect());
        this.refreshColumns = new RowColumns(fields, sql.readers(), relations, sql.dialect());
        this.offset = 0;
    }

    /** The model's columns read {@code offset} columns into the row, after those of the model it is joined to. */
    private Hydrator(Hydrator<M> base, ModelSql<M> sql, int offset) {
        this.model = base.model;
        this.type = base.type;
        this.fields = base.fields;
        this.freshReaders = base.freshReaders;
        this.idReader = base.idReader;
        this.joinedIdReader = sql.dialect().reader(fields[0]);
        this.hasRelationFields = base.hasRelationFields;
        this.relations = base.relations;
        this.rows = base.rows;
        this.writeAll = base.writeAll;
        this.columns = new RowColumns(fields, freshReaders, relations, sql.dialect(), offset);
        this.refreshColumns = null;
        this.offset = offset;
    }

    /** This hydrator reading the model's columns after {@code offset} others ({@code query.join(...)}). */
    public Hydrator<M> at(ModelSql<M> sql, int offset) {
        return new Hydrator<>(this, sql, offset);
    }

    /**
     * The joined model of the current row, through the identity map; null when the join found no row (its columns,
     * the id first, are NULL).
     */
    public M readJoined(ResultSet row, IdentityMap identityMap) throws SQLException {
        Object id = joinedIdReader.read(row, offset + 1);
        return id == null ? null : read(id, row, identityMap, null);
    }

    /** Whether new instances come from the generated {@code <Model>_Rows} rather than method handles. */
    public boolean usesGeneratedRows() {
        return rows != null;
    }

    /**
     * The model of the current row: the identity map's instance when it has one, else a new one,
     * registered; {@code identityMap} is null when the rows go to a call that keeps no unit of work.
     */
    public M read(ResultSet row, IdentityMap identityMap) throws SQLException {
        return read(row, identityMap, null);
    }

    /** Every row; {@code identityMap} as in {@link #read}. */
    public List<M> readAll(ResultSet rows, IdentityMap identityMap) throws SQLException {
        List<M> result = new ArrayList<>();
        // One array of values for all the rows: a row's values are written into its instance before the next is read.
        Object[] values = this.rows == null ? new Object[fields.length] : null;
        while (rows.next()) {
            result.add(read(rows, identityMap, values));
        }
        return result;
    }

    /**
     * Every row, read under a row lock: an instance the identity map holds already takes the row's
     * values, which another transaction may have changed since it was read; the lock keeps them current.
     */
    public List<M> readAllRefreshing(ResultSet rows, IdentityMap identityMap) throws SQLException {
        List<M> result = new ArrayList<>();
        while (rows.next()) {
            M known = identityMap.get(type, idReader.read(rows, 1));
            if (known != null) {
                readInto(known, rows);
                result.add(known);
            } else {
                result.add(read(rows, identityMap, null));
            }
        }
        return result;
    }

    /** {@code values}: scratch space for the method-handle path, or null to allocate it when needed. */
    private M read(ResultSet row, IdentityMap identityMap, Object[] values) throws SQLException {
        return read(idReader.read(row, offset + 1), row, identityMap, values);
    }

    /** The row's model, its id already read. */
    private M read(Object id, ResultSet row, IdentityMap identityMap, Object[] values) throws SQLException {
        if (identityMap != null) {
            M known = identityMap.get(type, id);
            if (known != null) {
                return known;
            }
        }
        M instance;
        if (rows != null) {
            instance = rows.read(id, row, columns);
        } else {
            instance = model.newInstance();
            if (values == null) {
                values = new Object[fields.length];
            }
            values[0] = id;
            for (int i = 1; i < fields.length; i++) {
                values[i] = columns.getObject(row, i + 1);
            }
            write(instance, values);
        }
        if (hasRelationFields) {
            relations.bind(instance, id);
        }
        if (identityMap != null) {
            identityMap.put(type, id, instance);
        }
        return instance;
    }

    /** Overwrites every column of {@code target} from the current row (refresh). */
    public void readInto(M target, ResultSet row) throws SQLException {
        for (int i = 0; i < fields.length; i++) {
            fields[i].set(target, refreshColumns.getObject(row, i + 1));
        }
        if (hasRelationFields) {
            relations.bind(target, fields[0].get(target));
        }
    }

    private void write(M instance, Object[] values) {
        try {
            writeAll.invokeExact((Object) instance, values);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Cannot write the fields of " + model.name(), e);
        }
    }

    /**
     * {@code (instance, values) -> { set field 0 to values[0]; set field 1 to values[1]; ... }}. A null
     * for a primitive field, which {@link FieldMetadata#set} skips, cannot occur: fresh readers never return one.
     */
    private static MethodHandle writeAll(FieldMetadata[] fields) {
        MethodHandle all = MethodHandles.empty(MethodType.methodType(void.class, Object.class, Object[].class));
        MethodHandle element = MethodHandles.arrayElementGetter(Object[].class);
        for (int i = fields.length - 1; i >= 0; i--) {
            MethodHandle value = MethodHandles.insertArguments(element, 1, i);
            all = MethodHandles.foldArguments(all, MethodHandles.filterArguments(fields[i].setter(), 1, value));
        }
        return all;
    }
}
