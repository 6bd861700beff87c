package dev.ferro.impl.sql;

import org.sqlite.Function;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * {@code ferro_lower(text)}: Unicode lower case for SQLite, whose own {@code lower()} changes ASCII letters only, so
 * that case-insensitive matching ({@code eqIgnoreCase}) treats {@code É} and {@code Ж} as the other databases do.
 * Loaded only on SQLite: it is the one class that needs the driver at compile time.
 */
final class SqliteLower extends Function {
    static final String NAME = "ferro_lower";

    /** On the driver's own connection, which {@code Function.create} needs (a pool's wrapper is refused). */
    static void register(Connection connection) throws SQLException {
        Function.create(connection, NAME, new SqliteLower(), 1, Function.FLAG_DETERMINISTIC);
    }

    @Override
    protected void xFunc() throws SQLException {
        String value = value_text(0);
        if (value == null) {
            result();
        } else {
            result(value.toLowerCase(Locale.ROOT));
        }
    }
}
