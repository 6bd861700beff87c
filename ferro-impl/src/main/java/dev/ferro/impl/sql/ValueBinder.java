package dev.ferro.impl.sql;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Binds one value (possibly null) of a known kind to a statement parameter. */
@FunctionalInterface
public interface ValueBinder {
    void bind(PreparedStatement statement, int index, Object value) throws SQLException;
}
