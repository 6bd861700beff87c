package dev.ferro.impl;

import dev.ferro.InvalidQueryException;
import dev.ferro.impl.execution.Executor;
import dev.ferro.impl.metadata.ColumnTypes;
import dev.ferro.impl.sql.Dialect;
import dev.ferro.impl.sql.Statement;
import dev.ferro.impl.sql.ValueBinder;
import dev.ferro.impl.transaction.TransactionManager;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** {@code execute}, {@code fetchAll}, {@code fetchOne}, {@code stream}: the user's SQL with bound parameters, in the current transaction. */
final class RawSql {
    private final Dialect dialect;
    private final Executor executor;
    private final TransactionManager transactions;
    private final ValueBinder anyBinder;
    private final int fetchSize;

    /** @param types convert an argument of an application's value type to the value its columns hold */
    RawSql(Dialect dialect, ColumnTypes types, Executor executor, TransactionManager transactions, int fetchSize) {
        this.dialect = dialect;
        this.executor = executor;
        this.transactions = transactions;
        this.anyBinder = (statement, index, value) -> dialect.bindAny(statement, index, types.toStored(value));
        this.fetchSize = fetchSize;
    }

    int execute(String sql, Object... args) {
        Statement statement = statement(sql, args);
        return transactions.run(unit -> executor.update(unit.connection(), statement, null, "execute SQL [" + sql + "]"));
    }

    List<Map<String, Object>> fetchAll(String sql, Object... args) {
        Statement statement = statement(sql, args);
        return transactions.run(unit -> executor.query(unit.connection(), statement, rows -> {
            String[] labels = labels(rows);
            List<Map<String, Object>> result = new ArrayList<>();
            while (rows.next()) {
                result.add(row(rows, labels));
            }
            return result;
        }, null, "query SQL [" + sql + "]"));
    }

    Stream<Map<String, Object>> stream(String sql, Object... args) {
        Statement statement = statement(sql, args);
        return RowStream.open(transactions, executor, dialect, statement, fetchSize, null, "stream SQL [" + sql + "]",
                rows -> {
                    String[] labels = labels(rows);
                    return row -> row(row, labels);
                }).stream();
    }

    private Map<String, Object> row(ResultSet rows, String[] labels) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i++) {
            row.put(labels[i], dialect.normalizeRaw(rows.getObject(i + 1)));
        }
        return row;
    }

    /** The result's column labels in lower case; two alike would make one row's map lose a value, so they are refused. */
    private static String[] labels(ResultSet rows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        String[] labels = new String[meta.getColumnCount()];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < labels.length; i++) {
            labels[i] = meta.getColumnLabel(i + 1).toLowerCase(Locale.ROOT);
            if (!seen.add(labels[i])) {
                throw new InvalidQueryException("The SQL's result has two columns labelled '" + labels[i]
                        + "' (labels are case-insensitive), and a row's map keeps one value a label: name them apart with AS");
            }
        }
        return labels;
    }

    private Statement statement(String sql, Object[] args) {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("SQL must be non-empty");
        }
        Object[] values = args == null ? new Object[0] : args;
        ValueBinder[] binders = new ValueBinder[values.length];
        Arrays.fill(binders, anyBinder);
        return new Statement(sql, values, binders);
    }
}
