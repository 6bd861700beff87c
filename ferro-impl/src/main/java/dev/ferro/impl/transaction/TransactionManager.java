package dev.ferro.impl.transaction;

import dev.ferro.DataAccessException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.function.Function;
import java.util.function.Predicate;
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
 *
 * <p>Any exception that leaves a block rolls it back, checked ones thrown sneakily included: returning
 * the connection would otherwise commit the half-done work as autocommit is restored. And a block
 * whose statement failed, caught by the user, is refused its commit when the database aborted the
 * transaction (PostgreSQL), where COMMIT would silently roll back and the block would seem to succeed.
 */
public final class TransactionManager {
    private static final Logger LOG = Logger.getLogger(TransactionManager.class.getName());

    private final DataSource dataSource;
    private final Function<SQLException, RuntimeException> translator;
    private final Predicate<Connection> aborted;
    private final UnitOfWorkScope scope;
    private final ExternalTransactions external;
    /** The unit of work of the transaction block running on this thread. */
    private final ThreadLocal<UnitOfWork> current = new ThreadLocal<>();

    /**
     * @param translator turns a failure to get, commit or roll back a connection into a Ferro exception
     * @param aborted whether a failed statement has left the connection's transaction unable to commit;
     *                asked before a commit only when a statement of the transaction failed
     */
    public TransactionManager(DataSource dataSource, Function<SQLException, RuntimeException> translator,
                              Predicate<Connection> aborted, UnitOfWorkScope scope, ExternalTransactions external) {
        this.dataSource = dataSource;
        this.translator = translator;
        this.aborted = aborted;
        this.scope = scope;
        this.external = external;
    }

    public boolean inTransaction() {
        return current.get() != null;
    }

    /**
     * The unit of work calls on this thread share: the transaction's, else the scope's; null when
     * neither, and in an outer (JTA) transaction, whose connections must come enlisted from the DataSource.
     */
    public UnitOfWork current() {
        UnitOfWork unit = current.get();
        if (unit != null) {
            return unit;
        }
        return external.active() ? null : scope.current();
    }

    /**
     * Opens a unit of work for a scope (a CDI request): it holds one connection, in autocommit
     * between transactions, until {@link UnitOfWork#close()}.
     */
    public UnitOfWork openUnitOfWork() {
        Connection connection = borrow();
        return new UnitOfWork(connection, () -> close(connection));
    }

    public <T> T transaction(Supplier<T> work) {
        UnitOfWork unit = current.get();
        if (unit != null) {
            return nested(unit, work);
        }
        return external.active() ? joined(work) : outermost(work, false);
    }

    /** Runs one statement's worth of work: in the current transaction, or on a connection of its own in autocommit. */
    public <T> T run(SqlWork<T> work) {
        UnitOfWork unit = current();
        if (unit != null) {
            return call(work, unit);
        }
        try (Connection connection = dataSource.getConnection()) {
            return call(work, new UnitOfWork(connection, () -> { }, false, true));
        } catch (SQLException e) {
            throw translator.apply(e);
        }
    }

    /** Runs work that must not half-happen: in the current transaction, or in a transaction of its own. */
    public <T> T atomically(SqlWork<T> work) {
        if (current.get() != null) {
            return call(work, current.get());
        }
        return ownTransaction(work);
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
            return ownTransaction(work);
        }
        return nested(unit, () -> call(work, unit));
    }

    /** A transaction that runs Ferro's own work and nothing else, as {@link #atomically} and {@link #allOrNothing} start one. */
    private <T> T ownTransaction(SqlWork<T> work) {
        Supplier<T> block = () -> call(work, current.get());
        return external.active() ? joined(block) : outermost(block, true);
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

    /**
     * The outermost transaction block: on the scope's unit of work when there is one (its identity
     * map lives on after a commit), else on a connection borrowed for the block.
     *
     * @param ferroOnly whether the block is Ferro's own work, with no user code inside
     */
    private <T> T outermost(Supplier<T> work, boolean ferroOnly) {
        UnitOfWork scoped = scope.current();
        UnitOfWork unit = scoped != null ? scoped : new UnitOfWork(borrow(), () -> { }, false, ferroOnly);
        Connection connection = unit.connection();
        boolean committed = false;
        try {
            connection.setAutoCommit(false);
            unit.forgetStatementFailure();
            current.set(unit);
            T result = work.get();
            RuntimeException failure = unit.statementFailure();
            if (failure != null && aborted.test(connection)) {
                throw abortedCommit(failure);
            }
            connection.commit();
            committed = true;
            return result;
        } catch (SQLException e) {
            RuntimeException failure = translator.apply(e);
            rollback(connection, failure);
            throw failure;
        } catch (Throwable e) {
            rollback(connection, e);
            throw e;
        } finally {
            unit.forgetStatementFailure();
            current.remove();
            if (!committed || scoped == null) {
                unit.identityMap().clear();
            }
            if (scoped == null) {
                close(connection);
            } else {
                restoreAutoCommit(connection);
            }
        }
    }

    /**
     * A block inside an outer (JTA) transaction: on a connection the DataSource enlists in it, with
     * no commit or rollback of Ferro's own; a failure marks the outer transaction for rollback.
     */
    private <T> T joined(Supplier<T> work) {
        Connection connection = borrow();
        UnitOfWork unit = new UnitOfWork(connection, () -> { }, true, false);
        current.set(unit);
        try {
            return work.get();
        } catch (Throwable e) {
            external.setRollbackOnly();
            throw e;
        } finally {
            current.remove();
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.log(Level.WARNING, "Could not return a connection to the container's pool", e);
            }
        }
    }

    private <T> T nested(UnitOfWork unit, Supplier<T> work) {
        if (unit.external()) {
            // A JTA transaction has no savepoints: a nested block is part of the outer one, and its
            // failure dooms the whole transaction.
            try {
                return work.get();
            } catch (Throwable e) {
                external.setRollbackOnly();
                throw e;
            }
        }
        Connection connection = unit.connection();
        Savepoint savepoint;
        try {
            savepoint = connection.setSavepoint();
        } catch (SQLException e) {
            throw translator.apply(e);
        }
        RuntimeException failureBefore = unit.statementFailure();
        try {
            T result = work.get();
            release(connection, savepoint);
            return result;
        } catch (Throwable e) {
            try {
                connection.rollback(savepoint);
                // Rolling back to the savepoint undoes the failures inside it, and PostgreSQL's abort with them.
                unit.restoreStatementFailure(failureBefore);
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            unit.identityMap().clear();
            throw e;
        }
    }

    private <T> T call(SqlWork<T> work, UnitOfWork unit) {
        try {
            return work.run(unit);
        } catch (SQLException e) {
            RuntimeException failure = translator.apply(e);
            unit.statementFailed(failure);
            throw failure;
        } catch (RuntimeException e) {
            unit.statementFailed(e);
            throw e;
        }
    }

    private static RuntimeException abortedCommit(RuntimeException failure) {
        SQLException cause = new SQLException("a statement of the transaction failed and the database aborted the "
                + "transaction, so none of its writes were kept; the failure was: " + failure.getMessage(), "25P02", failure);
        return new DataAccessException("Cannot commit", cause);
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

    private Connection borrow() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw translator.apply(e);
        }
    }

    private static void restoreAutoCommit(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.log(Level.FINE, "Could not restore autocommit", e);
        }
    }

    private static void close(Connection connection) {
        restoreAutoCommit(connection);
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
