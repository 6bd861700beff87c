package dev.ferro.impl.sql;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** SQL text with its parameter values and the binder of each. */
public record Statement(String sql, Object[] values, ValueBinder[] binders) {

    public void bind(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            binders[i].bind(statement, i + 1, values[i]);
        }
    }

    @Override
    public String toString() {
        return sql;
    }
}
