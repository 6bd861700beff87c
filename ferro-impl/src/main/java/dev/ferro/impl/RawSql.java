package dev.ferro.impl;

import dev.ferro.impl.execution.Executor;
import dev.ferro.impl.sql.Dialect;
import dev.ferro.impl.transaction.TransactionManager;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code execute}, {@code fetchAll}, {@code fetchOne}: the user's SQL with bound parameters, in the current transaction. */
final class RawSql {
    private final Dialect dialect;
    private final Executor executor;
    private final TransactionManager transactions;

    RawSql(Dialect dialect, Executor executor, TransactionManager transactions) {
        this.dialect = dialect;
        this.executor = executor;
        this.transactions = transactions;
    }

    int execute(String sql, Object... args) {
        requireSql(sql);
        return transactions.run(unit -> {
            try (PreparedStatement statement = unit.connection().prepareStatement(sql)) {
                bind(statement, args);
                int count = statement.executeUpdate();
                executor.executed(sql, 1);
                return count;
            } catch (SQLException e) {
                throw executor.translator().translate(e, null, "execute SQL [" + sql + "]");
            }
        });
    }

    List<Map<String, Object>> fetchAll(String sql, Object... args) {
        requireSql(sql);
        return transactions.run(unit -> {
            try (PreparedStatement statement = unit.connection().prepareStatement(sql)) {
                bind(statement, args);
                try (ResultSet rows = statement.executeQuery()) {
                    executor.executed(sql, 1);
                    ResultSetMetaData meta = rows.getMetaData();
                    String[] labels = new String[meta.getColumnCount()];
                    for (int i = 0; i < labels.length; i++) {
                        labels[i] = meta.getColumnLabel(i + 1).toLowerCase(Locale.ROOT);
                    }
                    List<Map<String, Object>> result = new ArrayList<>();
                    while (rows.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int i = 0; i < labels.length; i++) {
                            row.put(labels[i], dialect.normalizeRaw(rows.getObject(i + 1)));
                        }
                        result.add(row);
                    }
                    return result;
                }
            } catch (SQLException e) {
                throw executor.translator().translate(e, null, "query SQL [" + sql + "]");
            }
        });
    }

    private void bind(PreparedStatement statement, Object[] args) throws SQLException {
        if (args == null) {
            return;
        }
        for (int i = 0; i < args.length; i++) {
            dialect.bindAny(statement, i + 1, args[i]);
        }
    }

    private static void requireSql(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("SQL must be non-empty");
        }
    }
}
