package dev.ferro.impl.execution;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Enforces the statement timeout on the client, so that it holds even when the database cannot
 * (a hung or stopped server): when a statement runs past it, the statement is cancelled; when it
 * has still not returned half a second later, its connection is aborted, which fails the blocked
 * read at once. {@code setQueryTimeout} alone is not enough: drivers round it to seconds, and their
 * cancel is a message the hung server never reads.
 *
 * <p>With no timeout configured, {@link #start} returns one shared guard: nothing is scheduled and
 * nothing allocated on the hot path.
 */
public final class StatementTimeouts implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(StatementTimeouts.class.getName());
    private static final long ABORT_GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    /** What {@link #start} returns: stop it when the statement returns, ask it whether it fired. */
    public interface Guard {
        void stop();

        boolean fired();
    }

    private static final Guard NONE = new Guard() {
        @Override
        public void stop() {
        }

        @Override
        public boolean fired() {
            return false;
        }
    };

    /** Cancels a running statement from another thread: the dialect's way ({@code Dialect.cancel}). */
    @FunctionalInterface
    public interface Canceller {
        void cancel(Statement statement) throws SQLException;
    }

    private final Duration timeout;
    private final long timeoutNanos;
    private final Canceller canceller;
    private final ScheduledThreadPoolExecutor clock;
    /** Cancel and abort can block on the network (pgjdbc's cancel opens a connection): never on the clock's thread. */
    private final ExecutorService actions;

    /** @param timeout null for none */
    public StatementTimeouts(Duration timeout, Canceller canceller) {
        this.timeout = timeout;
        this.canceller = canceller;
        this.timeoutNanos = timeout == null ? 0 : timeout.toNanos();
        if (timeout == null) {
            clock = null;
            actions = null;
        } else {
            clock = new ScheduledThreadPoolExecutor(1, daemon("ferro-statement-timeout"));
            clock.setRemoveOnCancelPolicy(true);
            actions = Executors.newCachedThreadPool(daemon("ferro-statement-cancel"));
        }
    }

    /** The configured timeout, or null. */
    public Duration timeout() {
        return timeout;
    }

    /** @param statement null for a transaction command, which has nothing to cancel: its connection is aborted */
    public Guard start(Statement statement, Connection connection) {
        return clock == null ? NONE : new Watch(statement, connection);
    }

    @Override
    public void close() {
        if (clock != null) {
            clock.shutdownNow();
            actions.shutdownNow();
        }
    }

    private final class Watch implements Guard, Runnable {
        private final Statement statement;
        private final Connection connection;
        private final ScheduledFuture<?> cancel;
        private volatile ScheduledFuture<?> abort;
        private volatile boolean fired;
        private volatile boolean stopped;

        Watch(Statement statement, Connection connection) {
            this.statement = statement;
            this.connection = connection;
            this.cancel = clock.schedule(this, timeoutNanos, TimeUnit.NANOSECONDS);
        }

        /** On the clock: the timeout ran out. */
        @Override
        public void run() {
            if (stopped) {
                return;
            }
            fired = true;
            if (statement != null) {
                actions.execute(this::cancelStatement);
            }
            abort = clock.schedule(() -> {
                if (!stopped) {
                    actions.execute(this::abortConnection);
                }
            }, ABORT_GRACE_NANOS, TimeUnit.NANOSECONDS);
        }

        private void cancelStatement() {
            if (stopped) {
                // Returned meanwhile: a cancel now could hit the connection's next statement.
                return;
            }
            try {
                canceller.cancel(statement);
            } catch (SQLException | RuntimeException e) {
                LOG.log(Level.FINE, "Cancelling a statement past its timeout failed", e);
            }
        }

        private void abortConnection() {
            LOG.warning(() -> "A statement ran " + timeout.toMillis() + " ms and did not answer its cancel within "
                    + TimeUnit.NANOSECONDS.toMillis(ABORT_GRACE_NANOS) + " ms: aborting its connection");
            try {
                connection.abort(Runnable::run);
            } catch (SQLException | RuntimeException e) {
                LOG.log(Level.WARNING, "Aborting a connection past its statement timeout failed", e);
            }
        }

        @Override
        public void stop() {
            stopped = true;
            cancel.cancel(false);
            ScheduledFuture<?> pending = abort;
            if (pending != null) {
                pending.cancel(false);
            }
        }

        @Override
        public boolean fired() {
            return fired;
        }
    }

    private static ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
