package dev.ferro.impl.sql;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads one column of the current row as the field's Java type, or null for SQL NULL. */
@FunctionalInterface
public interface ValueReader {
    Object read(ResultSet row, int column) throws SQLException;
}
