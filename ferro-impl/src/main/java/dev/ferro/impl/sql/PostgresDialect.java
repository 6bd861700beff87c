package dev.ferro.impl.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PostgreSQL 12 and later. */
public final class PostgresDialect extends Dialect {
    private static final Pattern NOT_NULL_COLUMN = Pattern.compile("column \"([^\"]+)\"");

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    protected String unlimitedTextType() {
        return "TEXT";
    }

    @Override
    protected String binaryType() {
        return "BYTEA";
    }

    /** Asks for the id column alone: with RETURN_GENERATED_KEYS pgjdbc would return every column. */
    @Override
    public PreparedStatement prepareInsertReturningKey(Connection connection, String sql, String idColumn) throws SQLException {
        return connection.prepareStatement(sql, new String[] {idColumn});
    }

    /**
     * PostgreSQL aborts the whole transaction on any failed statement, and then answers COMMIT with a
     * silent ROLLBACK (pgjdbc reports no error). A probe statement tells: it fails with 25P02
     * (in_failed_sql_transaction) only in an aborted transaction.
     */
    @Override
    public boolean isTransactionAborted(Connection connection) {
        try (java.sql.Statement probe = connection.createStatement()) {
            probe.execute("SELECT 1");
            return false;
        } catch (SQLException e) {
            return "25P02".equals(e.getSQLState());
        }
    }

    @Override
    public ConstraintKind classify(SQLException error) {
        return classifyAnsi(sqlState(error));
    }

    @Override
    public String notNullColumn(SQLException error) {
        Matcher matcher = NOT_NULL_COLUMN.matcher(messages(error));
        return matcher.find() ? matcher.group(1) : null;
    }
}
