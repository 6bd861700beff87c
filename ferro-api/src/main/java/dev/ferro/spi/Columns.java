package dev.ferro.spi;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads one column of the current row the way the connected database stores the field's type;
 * what {@link ModelRows} calls for each field. Primitive getters return 0 or false for SQL NULL,
 * the value a primitive field holds when it has none; the others return null.
 */
public interface Columns {
    boolean getBoolean(ResultSet row, int column) throws SQLException;

    short getShort(ResultSet row, int column) throws SQLException;

    int getInt(ResultSet row, int column) throws SQLException;

    long getLong(ResultSet row, int column) throws SQLException;

    float getFloat(ResultSet row, int column) throws SQLException;

    double getDouble(ResultSet row, int column) throws SQLException;

    Boolean getBooleanOrNull(ResultSet row, int column) throws SQLException;

    Short getShortOrNull(ResultSet row, int column) throws SQLException;

    Integer getIntOrNull(ResultSet row, int column) throws SQLException;

    Long getLongOrNull(ResultSet row, int column) throws SQLException;

    Float getFloatOrNull(ResultSet row, int column) throws SQLException;

    Double getDoubleOrNull(ResultSet row, int column) throws SQLException;

    String getString(ResultSet row, int column) throws SQLException;

    /**
     * Any other column, as the field's type: a decimal, date or time, UUID, enum, byte array, or the
     * {@code Ref} of a foreign key.
     */
    <T> T getObject(ResultSet row, int column) throws SQLException;
}
