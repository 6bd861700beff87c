package dev.ferro.impl.sql;

import dev.ferro.Column;
import dev.ferro.impl.metadata.ValueKind;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PostgreSQL 12 and later. */
public final class PostgresDialect extends Dialect {
    private static final Pattern NOT_NULL_COLUMN = Pattern.compile("column \"([^\"]+)\"");

    private static final SqlTypes TYPES = SqlTypes.standard()
            .declaring(ValueKind.STRING, (length, precision, scale) -> length == Column.UNLIMITED ? "TEXT" : "VARCHAR(" + length + ")")
            .declaring(ValueKind.BYTES, "BYTEA");

    public PostgresDialect() {
        super(new Identity("postgresql", "jdbc:postgresql:", "postgres", "org.postgresql.Driver", "org.postgresql:postgresql"), TYPES);
    }

    @Override
    public Map<String, String> connectionProperties(String lowerUrl, Duration connectTimeout) {
        String seconds = Long.toString(Math.max(1, (connectTimeout.toMillis() + 999) / 1000));
        return Map.of("connectTimeout", seconds, "loginTimeout", seconds, "tcpKeepAlive", "true");
    }

    /** The tables of the connection's current schema ({@code search_path}), not those of every schema. */
    @Override
    public String metadataSchema(Connection connection) throws SQLException {
        return connection.getSchema();
    }

    /** PostgreSQL would cut a longer name to 63 bytes without a word. */
    @Override
    public String unsupportedIdentifier(String name) {
        return longerThan(name, 63, true);
    }

    @Override
    public String unsupported(dev.ferro.impl.metadata.FieldMetadata field) {
        return beyond(field, 1_000, 1_000, 10_485_760);
    }

    /** PostgreSQL converts the values of a column whose type changes as {@code USING} says: a cast to the new type. */
    @Override
    public List<String> alterColumn(String quotedTable, String quotedColumn, ColumnAlteration change) {
        List<String> statements = new ArrayList<>();
        if (change.typeChanged()) {
            statements.add("ALTER TABLE " + quotedTable + " ALTER COLUMN " + quotedColumn + " TYPE " + change.sqlType() + " USING "
                    + quotedColumn + "::" + change.sqlType());
        }
        statements.addAll(super.alterColumn(quotedTable, quotedColumn, new ColumnAlteration(change.sqlType(), false, change.nullable(),
                change.nullabilityChanged(), change.defaultLiteral(), change.defaultChanged())));
        return statements;
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
    public boolean cursorNeedsTransaction() {
        return true;
    }

    @Override
    public String abortedTransactionProbe() {
        return "SELECT 1";
    }

    @Override
    public boolean isAbortedTransaction(SQLException probeFailure) {
        return "25P02".equals(probeFailure.getSQLState());
    }

    /**
     * Sends the cancel request through {@code PGConnection.cancelQuery()}, not {@code Statement.cancel()}:
     * pgjdbc's Statement.cancel holds the connection's lock until the server has answered the cancel
     * request (up to its cancelSignalTimeout, 10 s), and the statement's own thread takes that lock on its
     * way out, so on a hung server a caller whose connection the timeout had aborted still waited for
     * the cancel. cancelQuery sends the same request without the lock. (Reflection: the driver is not a
     * compile-time dependency.)
     */
    @Override
    public void cancel(java.sql.Statement statement) throws SQLException {
        Connection physical = statement.unwrap(java.sql.Statement.class).getConnection();
        try {
            Class<?> pgConnection = Class.forName("org.postgresql.PGConnection", true, physical.getClass().getClassLoader());
            if (!pgConnection.isInstance(physical)) {
                statement.cancel();
                return;
            }
            pgConnection.getMethod("cancelQuery").invoke(physical);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof SQLException failure) {
                throw failure;
            }
            throw new SQLException("Cancelling the statement failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            statement.cancel();
        }
    }

    /**
     * By SQLState; 57P01-57P03 (the server shutting down or killing the backend, as a restart or
     * {@code pg_terminate_backend} does) break the connection as class 08 does.
     */
    @Override
    public ErrorKind classify(SQLException error) {
        String state = sqlState(error);
        if (state == null) {
            return ErrorKind.NONE;
        }
        return switch (state) {
            case "40P01" -> ErrorKind.DEADLOCK;
            case "55P03" -> ErrorKind.LOCK_TIMEOUT;
            case "57014" -> ErrorKind.CANCELLED;
            case "57P01", "57P02", "57P03" -> ErrorKind.CONNECTION_LOST;
            default -> classifyAnsi(state);
        };
    }

    @Override
    public String notNullColumn(SQLException error) {
        Matcher matcher = NOT_NULL_COLUMN.matcher(messages(error));
        return matcher.find() ? matcher.group(1) : null;
    }
}
