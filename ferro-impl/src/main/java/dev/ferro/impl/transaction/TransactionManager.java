package dev.ferro.impl.transaction;

import dev.ferro.DataAccessException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs work in the current thread's unit of work. A {@link #transaction} block binds one connection
 * (autocommit off) to the thread; nested blocks are savepoints. Outside a block, each call borrows a
 * connection for itself and commits on its own ({@link #run}) or in one short transaction when it
 * writes several statements ({@link #atomically}).
 *
 * <p>A rollback, whole or to a savepoint, clears the identity map: instances loaded or changed in
 * the rolled-back work no longer match the database.
 */
public final class TransactionManager {
    private static final Logger LOG = Logger.getLogger(TransactionManager.class.getName());

    private final DataSource dataSource;
    private final Function<SQLException, RuntimeException> translator;
    private final ThreadLocal<UnitOfWork> current = new ThreadLocal<>();

    /**
     * @param translator turns a failure to get, commit or roll back a connection into a Ferro exception
     */
    public TransactionManager(DataSource dataSource, Function<SQLException, RuntimeException> translator) {
        this.dataSource = dataSource;
        this.translator = translator;
    }

    public boolean inTransaction() {
        return current.get() != null;
    }

    /** The current thread's unit of work, or null outside a transaction. */
    public UnitOfWork current() {
        return current.get();
    }

    public <T> T transaction(Supplier<T> work) {
        UnitOfWork unit = current.get();
        return unit == null ? outermost(work) : nested(unit, work);
    }

    /** Runs one statement's worth of work: in the current transaction, or on a connection of its own in autocommit. */
    public <T> T run(SqlWork<T> work) {
        UnitOfWork unit = current.get();
        if (unit != null) {
            return call(work, unit);
        }
        try (Connection connection = dataSource.getConnection()) {
            return call(work, new UnitOfWork(connection, false));
        } catch (SQLException e) {
            throw translator.apply(e);
        }
    }

    /** Runs work that must not half-happen: in the current transaction, or in a transaction of its own. */
    public <T> T atomically(SqlWork<T> work) {
        if (current.get() != null) {
            return call(work, current.get());
        }
        return outermost(() -> call(work, current.get()));
    }

    /**
     * Runs work of several rows that must leave all or none of them: in a transaction of its own,
     * or in a savepoint of the current one. {@link #atomically} is not enough inside a transaction
     * when the caller catches the failure: a JDBC batch that fails on one row keeps the rows before
     * it (SQLite), or even the rows after it (H2, MariaDB), until the whole transaction rolls back.
     */
    public <T> T allOrNothing(SqlWork<T> work) {
        UnitOfWork unit = current.get();
        if (unit == null) {
            return atomically(work);
        }
        return nested(unit, () -> call(work, unit));
    }

    /**
     * Runs work that may fail on a constraint and be recovered from: inside a transaction it runs in
     * a savepoint, so that the failure leaves the transaction usable (PostgreSQL aborts the whole
     * transaction otherwise); outside, on a connection of its own.
     */
    public <T> T recoverable(SqlWork<T> work) {
        UnitOfWork unit = current.get();
        if (unit == null) {
            return run(work);
        }
        return nested(unit, () -> call(work, unit));
    }

    private <T> T outermost(Supplier<T> work) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw translator.apply(e);
        }
        UnitOfWork unit = new UnitOfWork(connection, true);
        try {
            connection.setAutoCommit(false);
            current.set(unit);
            unit.enter();
            T result = work.get();
            connection.commit();
            return result;
        } catch (RuntimeException | Error e) {
            rollback(connection, e);
            throw e;
        } catch (SQLException e) {
            RuntimeException failure = translator.apply(e);
            rollback(connection, failure);
            throw failure;
        } finally {
            unit.leave();
            unit.identityMap().clear();
            current.remove();
            close(connection);
        }
    }

    private <T> T nested(UnitOfWork unit, Supplier<T> work) {
        Connection connection = unit.connection();
        Savepoint savepoint;
        try {
            savepoint = connection.setSavepoint();
        } catch (SQLException e) {
            throw translator.apply(e);
        }
        unit.enter();
        try {
            T result = work.get();
            release(connection, savepoint);
            return result;
        } catch (RuntimeException | Error e) {
            try {
                connection.rollback(savepoint);
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            unit.identityMap().clear();
            throw e;
        } finally {
            unit.leave();
        }
    }

    private <T> T call(SqlWork<T> work, UnitOfWork unit) {
        try {
            return work.run(unit);
        } catch (SQLException e) {
            throw translator.apply(e);
        }
    }

    private static void release(Connection connection, Savepoint savepoint) {
        try {
            connection.releaseSavepoint(savepoint);
        } catch (SQLException | UnsupportedOperationException e) {
            // Some drivers cannot release savepoints; the savepoint then lives until the transaction ends, harmlessly.
            LOG.log(Level.FINE, "Could not release a savepoint", e);
        }
    }

    private static void rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void close(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.log(Level.FINE, "Could not restore autocommit before returning a connection", e);
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not return a connection to the pool", e);
        }
    }

    /** Wraps a connection failure that has no statement to blame. */
    public static RuntimeException connectionFailure(SQLException e) {
        return new DataAccessException("Database connection failed", e);
    }
}
