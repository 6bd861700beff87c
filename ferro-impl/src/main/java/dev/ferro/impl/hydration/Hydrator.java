package dev.ferro.impl.hydration;

import dev.ferro.impl.metadata.FieldMetadata;
import dev.ferro.impl.metadata.ModelMetadata;
import dev.ferro.impl.sql.ModelSql;
import dev.ferro.impl.sql.ValueReader;
import dev.ferro.impl.transaction.IdentityMap;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a row becomes a model. The columns come in {@link ModelSql#fields()} order, id first, so
 * the identity map is asked before anything else is read: an instance already in the unit of work
 * is returned as it is. Readers and setters are resolved once per model; a row costs one reader
 * call and one method-handle call per column. A foreign key's key becomes a lazy {@code Ref}, and
 * the relation fields get their handles, through the {@link RelationBinder}.
 */
public final class Hydrator<M> {
    private final ModelMetadata<M> model;
    private final Class<M> type;
    private final FieldMetadata[] fields;
    private final ValueReader[] readers;
    /** Per column: whether it is a foreign key, whose key becomes a {@code Ref}. */
    private final boolean[] references;
    private final boolean hasRelationFields;
    private final RelationBinder relations;

    public Hydrator(ModelSql<M> sql, RelationBinder relations) {
        this.model = sql.model();
        this.type = model.type();
        this.fields = sql.fields();
        this.readers = sql.readers();
        this.references = new boolean[fields.length];
        for (int i = 0; i < fields.length; i++) {
            references[i] = fields[i].foreignKey() != null;
        }
        this.hasRelationFields = !model.relations().isEmpty();
        this.relations = relations;
    }

    /**
     * The model of the current row: the identity map's instance when it has one, else a new one,
     * registered; {@code identityMap} is null when the rows go to a call that keeps no unit of work.
     */
    public M read(ResultSet row, IdentityMap identityMap) throws SQLException {
        Object id = readers[0].read(row, 1);
        if (identityMap != null) {
            M known = identityMap.get(type, id);
            if (known != null) {
                return known;
            }
        }
        M instance = model.newInstance();
        fields[0].set(instance, id);
        for (int i = 1; i < fields.length; i++) {
            fields[i].set(instance, column(i, readers[i].read(row, i + 1)));
        }
        if (hasRelationFields) {
            relations.bind(instance, id);
        }
        if (identityMap != null) {
            identityMap.put(type, id, instance);
        }
        return instance;
    }

    /** Every row; {@code identityMap} as in {@link #read}. */
    public List<M> readAll(ResultSet rows, IdentityMap identityMap) throws SQLException {
        List<M> result = new ArrayList<>();
        while (rows.next()) {
            result.add(read(rows, identityMap));
        }
        return result;
    }

    /** Overwrites every column of {@code target} from the current row (refresh). */
    public void readInto(M target, ResultSet row) throws SQLException {
        for (int i = 0; i < fields.length; i++) {
            fields[i].set(target, column(i, readers[i].read(row, i + 1)));
        }
        if (hasRelationFields) {
            relations.bind(target, fields[0].get(target));
        }
    }

    private Object column(int index, Object value) {
        return references[index] && value != null ? relations.ref(fields[index], value) : value;
    }
}
