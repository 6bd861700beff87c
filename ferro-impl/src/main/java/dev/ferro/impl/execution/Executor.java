package dev.ferro.impl.execution;

import dev.ferro.SqlListener;
import dev.ferro.impl.metadata.ModelMetadata;
import dev.ferro.impl.sql.Statement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Runs statements on a connection: binds the values, tells the {@link SqlListener}s, and turns a
 * failure into a typed exception through the {@link ErrorTranslator}. It holds no connection itself.
 */
public final class Executor {
    /** Reads a whole result set. */
    @FunctionalInterface
    public interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private final ErrorTranslator translator;
    private final SqlListener[] listeners;

    public Executor(ErrorTranslator translator, List<SqlListener> listeners) {
        this.translator = translator;
        this.listeners = listeners.toArray(SqlListener[]::new);
    }

    public ErrorTranslator translator() {
        return translator;
    }

    public <T> T query(Connection connection, Statement statement, Rows<T> rows, ModelMetadata<?> model, String action) {
        try (PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
            statement.bind(prepared);
            try (ResultSet resultSet = prepared.executeQuery()) {
                executed(statement.sql(), 1);
                return rows.read(resultSet);
            }
        } catch (SQLException e) {
            throw translator.translate(e, model, action);
        }
    }

    public int update(Connection connection, Statement statement, ModelMetadata<?> model, String action) {
        try (PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
            statement.bind(prepared);
            int count = prepared.executeUpdate();
            executed(statement.sql(), 1);
            return count;
        } catch (SQLException e) {
            throw translator.translate(e, model, action);
        }
    }

    /** Tells the listeners; called by every place that runs SQL. */
    public void executed(String sql, int batchSize) {
        for (SqlListener listener : listeners) {
            listener.executed(sql, batchSize);
        }
    }
}
