package dev.ferro.impl.transaction;

import dev.ferro.ConnectionLostException;
import dev.ferro.DataAccessException;
import dev.ferro.Isolation;
import dev.ferro.TransactionOptions;
import dev.ferro.TransientDataAccessException;
import dev.ferro.impl.execution.Executor;
import dev.ferro.spi.OuterTransactions;
import dev.ferro.spi.UnitOfWorkScope;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
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
 *
 * <p>An outermost block with {@link TransactionOptions#retries()} runs again after a transient
 * failure, from a fresh identity map, after a jittered pause that doubles from about 10 ms up to 1 s.
 */
public final class TransactionManager {
    private static final Logger LOG = Logger.getLogger(TransactionManager.class.getName());
    private static final long FIRST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long LONGEST_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final DataSource dataSource;
    private final Executor executor;
    private final UnitOfWorkScope scope;
    private final OuterTransactions external;
    /** The unit of work of the transaction block running on this thread. */
    private final ThreadLocal<UnitOfWork> current = new ThreadLocal<>();
    /**
     * Opens a scope's unit of work: one connection, in autocommit between transactions, until the scope
     * closes it. Made once, since the scope is asked on every call outside a transaction block.
     */
    private final Supplier<UnitOfWork> openScoped = () -> new UnitOfWork(this::borrow, TransactionManager::close);

    public TransactionManager(DataSource dataSource, Executor executor, UnitOfWorkScope scope, OuterTransactions external) {
        this.dataSource = dataSource;
        this.executor = executor;
        this.scope = scope;
        this.external = external;
    }

    public boolean inTransaction() {
        return current.get() != null;
    }

    /**
     * Why rows cannot be locked on this thread now, or null when they can: a row lock lasts until the
     * transaction ends, so outside one it would be released before the caller saw the rows.
     */
    public String lockRefusal() {
        UnitOfWork unit = current.get();
        if (unit == null) {
            return external.active() ? null : "outside a transaction, where the lock would end with the statement";
        }
        return unit.readOnly() ? "in a read-only transaction" : null;
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
        return external.active() ? null : scoped();
    }

    /**
     * The scope's unit of work (a CDI request's), null outside its context, opened on the context's first
     * call; the scope hands back the unit it was given, so the cast cannot fail.
     */
    private UnitOfWork scoped() {
        return (UnitOfWork) scope.current(openScoped);
    }

    public <T> T transaction(Supplier<T> work) {
        return transaction(TransactionOptions.defaults(), work);
    }

    /**
     * A block: a savepoint inside the current transaction, part of the outer JTA transaction when one
     * is active, else an outermost transaction with the options' isolation, read-only flag and retries.
     * Options other than the defaults apply to an outermost block only: a nested one belongs to its outer
     * transaction, whose level is set and whose failure is the outer block's to retry.
     */
    public <T> T transaction(TransactionOptions options, Supplier<T> work) {
        UnitOfWork unit = current.get();
        if (unit != null) {
            return nested(unit, work);
        }
        if (external.active()) {
            return joined(work);
        }
        for (int attempt = 0; ; attempt++) {
            try {
                return outermost(work, false, options);
            } catch (TransientDataAccessException e) {
                if (attempt >= options.retries() || !retryable(e)) {
                    throw e;
                }
                int next = attempt + 2;
                LOG.log(Level.FINE, e, () -> "Retrying a transaction after a transient failure, attempt " + next);
                pause(attempt);
            }
        }
    }

    /** A lost commit may have been applied: running the block again could apply it twice. */
    private static boolean retryable(TransientDataAccessException failure) {
        return !(failure instanceof ConnectionLostException lost && lost.commitOutcomeUnknown());
    }

    /**
     * Half of a bound that doubles with each attempt, plus a random part of the other half ("equal
     * jitter"): rivals that failed together spread out, and none retries at once.
     */
    private static void pause(int attempt) {
        long bound = Math.min(LONGEST_PAUSE_NANOS, FIRST_PAUSE_NANOS << Math.min(attempt, 20));
        LockSupport.parkNanos(bound / 2 + ThreadLocalRandom.current().nextLong(bound / 2 + 1));
    }

    /** Runs one statement's worth of work: in the current transaction, or on a connection of its own in autocommit. */
    public <T> T run(SqlWork<T> work) {
        UnitOfWork unit = current();
        if (unit != null) {
            return call(work, unit);
        }
        Connection connection = borrow();
        try {
            return call(work, new UnitOfWork(connection, () -> { }, false, true));
        } finally {
            // Still in autocommit: nothing to restore before it goes back.
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.log(Level.WARNING, "Could not return a connection to the pool", e);
            }
        }
    }

    /**
     * A connection for a stream, which keeps it after this returns: the current transaction's, else
     * one of its own (not the scope's, whose other calls must not wait for the stream). Its own
     * connection runs in a transaction of its own when {@code cursorNeedsTransaction} (PostgreSQL
     * reads with a fetch size only outside autocommit), unless a JTA transaction manages it.
     */
    public StreamConnection openStream(boolean cursorNeedsTransaction) {
        UnitOfWork unit = current.get();
        if (unit != null) {
            return new StreamConnection(unit.connection(), false, false);
        }
        Connection connection = borrow();
        boolean transaction = cursorNeedsTransaction && !external.active();
        if (transaction) {
            try {
                executor.begin(connection, Isolation.DEFAULT, false);
            } catch (RuntimeException e) {
                close(connection);
                throw e;
            }
        }
        return new StreamConnection(connection, true, transaction);
    }

    /** Ends a stream: its own connection's transaction commits (or rolls back after a failure) and the connection goes back. */
    public void closeStream(StreamConnection stream, Throwable failure) {
        if (!stream.owned()) {
            return;
        }
        Connection connection = stream.connection();
        try {
            if (stream.transaction()) {
                if (failure == null) {
                    executor.commit(connection);
                } else {
                    executor.rollback(connection, failure);
                }
                executor.end(connection, -1, false);
            }
        } finally {
            close(connection);
        }
    }

    /**
     * Runs work on a stream's connection (prefetch for a chunk of streamed rows), in a unit of work of
     * its own whose identity map is dropped after it.
     */
    public <T> T onStreamConnection(StreamConnection stream, SqlWork<T> work) {
        UnitOfWork unit = current.get();
        return call(work, unit != null ? unit : new UnitOfWork(stream.connection(), () -> { }, false, false));
    }

    /** The connection a stream reads on; {@code owned} when the stream gives it back, {@code transaction} when it began one. */
    public record StreamConnection(Connection connection, boolean owned, boolean transaction) {
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
        return external.active() ? joined(block) : outermost(block, true, TransactionOptions.defaults());
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
    private <T> T outermost(Supplier<T> work, boolean ferroOnly, TransactionOptions options) {
        UnitOfWork scoped = scoped();
        UnitOfWork unit = scoped != null ? scoped : new UnitOfWork(borrow(), () -> { }, false, ferroOnly);
        Connection connection = unit.connection();
        boolean committed = false;
        boolean began = false;
        int previousIsolation = -1;
        try {
            previousIsolation = executor.begin(connection, options.isolation(), options.readOnly());
            began = true;
            unit.readOnly(options.readOnly());
            unit.forgetStatementFailure();
            current.set(unit);
            T result = work.get();
            RuntimeException failure = unit.statementFailure();
            if (failure != null && executor.isTransactionAborted(connection)) {
                throw abortedCommit(failure);
            }
            executor.commit(connection);
            committed = true;
            return result;
        } catch (Throwable e) {
            if (began) {
                executor.rollback(connection, e);
            }
            if (e instanceof ConnectionLostException) {
                unit.connectionLost();
            }
            throw e;
        } finally {
            unit.forgetStatementFailure();
            unit.readOnly(false);
            current.remove();
            if (!committed || scoped == null) {
                unit.identityMap().clear();
            }
            if (began) {
                executor.end(connection, previousIsolation, options.readOnly());
            }
            if (scoped == null) {
                close(connection);
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
        Savepoint savepoint = executor.savepoint(connection);
        RuntimeException failureBefore = unit.statementFailure();
        try {
            T result = work.get();
            executor.release(connection, savepoint);
            return result;
        } catch (Throwable e) {
            if (executor.rollbackTo(connection, savepoint, e)) {
                // Rolling back to the savepoint undoes the failures inside it, and PostgreSQL's abort with them.
                unit.restoreStatementFailure(failureBefore);
            }
            unit.identityMap().clear();
            throw e;
        }
    }

    private <T> T call(SqlWork<T> work, UnitOfWork unit) {
        try {
            return work.run(unit);
        } catch (SQLException e) {
            // Work reaches JDBC through the Executor, which translates; this is only a last resort.
            RuntimeException failure = executor.translator().translate(e, null, "run a statement");
            unit.statementFailed(failure);
            throw failure;
        } catch (ConnectionLostException e) {
            unit.statementFailed(e);
            if (current.get() != unit) {
                // Outside a transaction a scope's unit goes on with a new connection; inside one, the
                // transaction is lost with its connection, and its block ends on the failure.
                unit.connectionLost();
            }
            throw e;
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

    private Connection borrow() {
        try {
            Connection connection = dataSource.getConnection();
            try {
                executor.dialect().borrowed(connection);
            } catch (SQLException | RuntimeException e) {
                close(connection);
                throw e;
            }
            return connection;
        } catch (SQLException e) {
            throw executor.translator().connectionFailure(e, "get a connection");
        }
    }

    /** Gives a connection back to the pool; in autocommit, as the pool hands connections out. */
    private static void close(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            LOG.log(Level.FINE, "Could not restore autocommit", e);
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not return a connection to the pool", e);
        }
    }
}
