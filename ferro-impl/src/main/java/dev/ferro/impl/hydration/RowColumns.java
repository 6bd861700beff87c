package dev.ferro.impl.hydration;

import dev.ferro.impl.metadata.FieldMetadata;
import dev.ferro.impl.sql.Dialect;
import dev.ferro.impl.sql.ValueReader;
import dev.ferro.spi.Columns;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The {@link Columns} of one model's rows. Strings and primitives are read with the plain
 * {@code ResultSet} getters, which is how every dialect reads them (a short or an int through a
 * long, checked, where the database's integers are wider); every other column goes to the
 * dialect's reader of that column, and a foreign key's key becomes a lazy {@code Ref}. The only
 * implementation, so that the calls of generated code are inlined.
 */
final class RowColumns implements Columns {
    private final FieldMetadata[] fields;
    /** Indexed by column - 1. */
    private final ValueReader[] readers;
    private final boolean[] references;
    private final RelationBinder relations;
    /** Whether a short or int column is read as a long and checked ({@link Dialect#integersWiderThanDeclared}). */
    private final boolean checkRange;
    /**
     * Where the model's columns start in the row, less one: 0, but for a joined model's columns after another's
     * ({@code query.join(...)}). {@code column} is the model's own column number; the row's is {@code column + offset}.
     */
    private final int offset;

    /** @param readers one per field, indexed as {@code fields} */
    RowColumns(FieldMetadata[] fields, ValueReader[] readers, RelationBinder relations, Dialect dialect) {
        this(fields, readers, relations, dialect, 0);
    }

    RowColumns(FieldMetadata[] fields, ValueReader[] readers, RelationBinder relations, Dialect dialect, int offset) {
        this.offset = offset;
        this.fields = fields;
        this.checkRange = dialect.integersWiderThanDeclared();
        this.readers = readers;
        this.references = new boolean[fields.length];
        for (int i = 0; i < fields.length; i++) {
            references[i] = fields[i].foreignKey() != null;
        }
        this.relations = relations;
    }

    @Override
    public boolean getBoolean(ResultSet row, int column) throws SQLException {
        return row.getBoolean(column + offset);
    }

    @Override
    public short getShort(ResultSet row, int column) throws SQLException {
        return checkRange ? (short) Dialect.inRange(row.getLong(column + offset), fields[column - 1]) : row.getShort(column + offset);
    }

    @Override
    public int getInt(ResultSet row, int column) throws SQLException {
        return checkRange ? (int) Dialect.inRange(row.getLong(column + offset), fields[column - 1]) : row.getInt(column + offset);
    }

    @Override
    public long getLong(ResultSet row, int column) throws SQLException {
        return row.getLong(column + offset);
    }

    @Override
    public float getFloat(ResultSet row, int column) throws SQLException {
        return row.getFloat(column + offset);
    }

    @Override
    public double getDouble(ResultSet row, int column) throws SQLException {
        return row.getDouble(column + offset);
    }

    @Override
    public Boolean getBooleanOrNull(ResultSet row, int column) throws SQLException {
        boolean value = row.getBoolean(column + offset);
        return row.wasNull() ? null : value;
    }

    @Override
    public Short getShortOrNull(ResultSet row, int column) throws SQLException {
        short value = getShort(row, column);
        return row.wasNull() ? null : value;
    }

    @Override
    public Integer getIntOrNull(ResultSet row, int column) throws SQLException {
        int value = getInt(row, column);
        return row.wasNull() ? null : value;
    }

    @Override
    public Long getLongOrNull(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column + offset);
        return row.wasNull() ? null : value;
    }

    @Override
    public Float getFloatOrNull(ResultSet row, int column) throws SQLException {
        float value = row.getFloat(column + offset);
        return row.wasNull() ? null : value;
    }

    @Override
    public Double getDoubleOrNull(ResultSet row, int column) throws SQLException {
        double value = row.getDouble(column + offset);
        return row.wasNull() ? null : value;
    }

    @Override
    public String getString(ResultSet row, int column) throws SQLException {
        return row.getString(column + offset);
    }

    /** Any column, with this object's reader for it: also how the method-handle path and refresh read every column. */
    @Override
    @SuppressWarnings("unchecked")
    public <T> T getObject(ResultSet row, int column) throws SQLException {
        Object value = readers[column - 1].read(row, column + offset);
        if (references[column - 1] && value != null) {
            return (T) relations.ref(fields[column - 1], value);
        }
        return (T) value;
    }
}
