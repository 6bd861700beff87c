package dev.ferro.impl;

import dev.ferro.impl.execution.Executor;
import dev.ferro.impl.metadata.ModelMetadata;
import dev.ferro.impl.sql.Dialect;
import dev.ferro.impl.sql.Statement;
import dev.ferro.impl.transaction.TransactionManager;
import dev.ferro.impl.transaction.TransactionManager.StreamConnection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A {@link Stream} over an open result set: each row is read from the database as the stream asks
 * for it, a fetch size at a time, and the statement and connection are released when the stream is
 * closed or read to its end, or when reading fails.
 */
final class RowStream<T> extends Spliterators.AbstractSpliterator<T> {
    /** Reads one row. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Makes the row reader once the result set is open (raw SQL reads its column labels there). */
    @FunctionalInterface
    interface Readers<T> {
        RowReader<T> open(ResultSet rows) throws SQLException;
    }

    private final TransactionManager transactions;
    private final Executor executor;
    private final StreamConnection connection;
    private final Executor.Cursor cursor;
    private final RowReader<T> reader;
    private final ModelMetadata<?> model;
    private final String action;
    private boolean closed;

    private RowStream(TransactionManager transactions, Executor executor, StreamConnection connection,
                      Executor.Cursor cursor, RowReader<T> reader, ModelMetadata<?> model, String action) {
        super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
        this.transactions = transactions;
        this.executor = executor;
        this.connection = connection;
        this.cursor = cursor;
        this.reader = reader;
        this.model = model;
        this.action = action;
    }

    /** Runs the statement and returns its rows as a spliterator; {@link #stream()} makes the stream that closes it. */
    static <T> RowStream<T> open(TransactionManager transactions, Executor executor, Dialect dialect, Statement statement,
                                 int fetchSize, ModelMetadata<?> model, String action, Readers<T> readers) {
        StreamConnection connection = transactions.openStream(dialect.cursorNeedsTransaction());
        Executor.Cursor cursor = null;
        try {
            cursor = executor.open(connection.connection(), statement, fetchSize, model, action);
            return new RowStream<>(transactions, executor, connection, cursor, readers.open(cursor.rows()), model, action);
        } catch (SQLException e) {
            RuntimeException failure = executor.translator().translate(e, model, action);
            release(transactions, connection, cursor, failure);
            throw failure;
        } catch (RuntimeException | Error e) {
            release(transactions, connection, cursor, e);
            throw e;
        }
    }

    Stream<T> stream() {
        return stream(this);
    }

    /** A stream of {@code rows} (these rows, or a spliterator that reads them) that closes this when it is closed. */
    Stream<T> stream(Spliterator<T> rows) {
        return StreamSupport.stream(rows, false).onClose(() -> close(null));
    }

    /** The stream's connection, for the prefetch of a chunk of its rows. */
    StreamConnection connection() {
        return connection;
    }

    @Override
    public boolean tryAdvance(Consumer<? super T> action) {
        return advance(action, true);
    }

    /**
     * Reads the next row into {@code action}; false at the end, where the stream is closed unless
     * {@code closeAtEnd} is false (a chunk still needs the connection for its prefetch).
     */
    private boolean advance(Consumer<? super T> action, boolean closeAtEnd) {
        if (closed) {
            return false;
        }
        T row;
        try {
            if (!cursor.rows().next()) {
                if (closeAtEnd) {
                    close(null);
                }
                return false;
            }
            row = reader.read(cursor.rows());
        } catch (SQLException e) {
            RuntimeException failure = executor.translator().translate(e, model, this.action);
            close(failure);
            throw failure;
        } catch (RuntimeException | Error e) {
            close(e);
            throw e;
        }
        action.accept(row);
        return true;
    }

    /**
     * This stream's rows a chunk at a time: {@code onChunk} sees each chunk (to prefetch its
     * relations in one statement per relation) before its rows go on.
     */
    Spliterator<T> chunked(int size, Consumer<List<T>> onChunk) {
        RowStream<T> source = this;
        return new Spliterators.AbstractSpliterator<T>(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
            private final ArrayList<T> chunk = new ArrayList<>(size);
            private int next;

            @Override
            public boolean tryAdvance(Consumer<? super T> action) {
                if (next == chunk.size()) {
                    chunk.clear();
                    next = 0;
                    boolean more = true;
                    // The end of the rows must not release the connection yet: the last chunk's prefetch
                    // runs on it (it failed with "Connection is closed" when a chunk was not full).
                    while (chunk.size() < size && (more = source.advance(chunk::add, false))) {
                        // filling the chunk
                    }
                    if (!chunk.isEmpty()) {
                        try {
                            onChunk.accept(chunk);
                        } catch (RuntimeException | Error e) {
                            source.close(e);
                            throw e;
                        }
                    }
                    if (!more) {
                        source.close(null);
                    }
                    if (chunk.isEmpty()) {
                        return false;
                    }
                }
                action.accept(chunk.get(next++));
                return true;
            }
        };
    }

    private void close(Throwable failure) {
        if (closed) {
            return;
        }
        closed = true;
        release(transactions, connection, cursor, failure);
    }

    private static void release(TransactionManager transactions, StreamConnection connection, Executor.Cursor cursor,
                                Throwable failure) {
        try {
            if (cursor != null) {
                cursor.close();
            }
        } catch (SQLException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
        } finally {
            transactions.closeStream(connection, failure);
        }
    }
}
