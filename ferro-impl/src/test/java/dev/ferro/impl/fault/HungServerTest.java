package dev.ferro.impl.fault;

import dev.ferro.Ferro;
import dev.ferro.FerroOptions;
import dev.ferro.QueryTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server that hangs (SIGSTOP: its sockets stay open, nothing answers) must not hang its callers
 * when a statement timeout is set: each statement in flight ends with a {@link QueryTimeoutException}
 * at the timeout plus the half second Ferro gives the cancel before it aborts the connection, and
 * the same Ferro works again once the server resumes.
 */
class HungServerTest {
    private static final Logger LOG = Logger.getLogger(HungServerTest.class.getName());
    private static final int CALLERS = 4;
    private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(2);
    /** The acceptance bound: the timeout, the half-second abort grace and some slack. */
    private static final long LONGEST_CALL_MILLIS = 3_000;
    private static final long SUSPENDED_MILLIS = 10_000;

    private PrivatePostgres server;
    private Ferro ferro;
    private ExecutorService callers;

    @BeforeEach
    void startServerAndFerro() throws Exception {
        PrivatePostgres.requireAvailable();
        server = PrivatePostgres.start();
        ferro = Ferro.connect(server.jdbcUrl(), FerroOptions.defaults().user("postgres").statementTimeout(STATEMENT_TIMEOUT));
        callers = Executors.newFixedThreadPool(CALLERS, task -> {
            Thread thread = new Thread(task, "hung-server-caller");
            thread.setDaemon(true);
            return thread;
        });
    }

    @AfterEach
    void stop() throws InterruptedException {
        try {
            if (callers != null) {
                callers.shutdownNow();
                assertTrue(callers.awaitTermination(20, TimeUnit.SECONDS), "A caller thread did not stop");
            }
            if (ferro != null) {
                ferro.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    private record Outcome(long elapsedMillis, RuntimeException failure) {
    }

    @Test
    void everyStatementInFlightOnAStoppedServerTimesOutAndTheSameFerroWorksAfterItResumes() throws Exception {
        // Each caller first holds a connection at the same time as the others, so the pool has one
        // per caller, fresh (used within the last second, so handed out without a validation that
        // would itself wait on the stopped server).
        CyclicBarrier allConnected = new CyclicBarrier(CALLERS);
        CountDownLatch connected = new CountDownLatch(CALLERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Outcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            outcomes.add(callers.submit(() -> {
                ferro.transaction(() -> {
                    ferro.fetchOne("SELECT 1");
                    await(allConnected);
                });
                connected.countDown();
                if (!go.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("No go");
                }
                long start = System.nanoTime();
                try {
                    // Longer than the pause before SIGSTOP, shorter than the timeout: in flight when the server stops.
                    ferro.fetchOne("SELECT pg_sleep(0.5)");
                    return new Outcome(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), null);
                } catch (RuntimeException e) {
                    return new Outcome(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), e);
                }
            }));
        }

        long suspendedAt;
        List<Outcome> results = new ArrayList<>();
        try {
            assertTrue(connected.await(10, TimeUnit.SECONDS), "The callers did not connect");
            go.countDown();
            Thread.sleep(150);
            server.suspend();
            suspendedAt = System.nanoTime();
            for (Future<Outcome> outcome : outcomes) {
                results.add(outcome.get(LONGEST_CALL_MILLIS + 2_000, TimeUnit.MILLISECONDS));
            }
            long remaining = SUSPENDED_MILLIS - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - suspendedAt);
            if (remaining > 0) {
                Thread.sleep(remaining);
            }
        } finally {
            server.resume();
        }
        long resumedAt = System.nanoTime();
        LOG.info(() -> "Calls on the stopped server: " + results);

        for (Outcome result : results) {
            assertNotNull(result.failure(), "A statement on the stopped server succeeded: " + results);
            QueryTimeoutException timeout = assertInstanceOf(QueryTimeoutException.class, result.failure(), results::toString);
            assertEquals(QueryTimeoutException.class, timeout.getClass());
            assertEquals(STATEMENT_TIMEOUT, timeout.timeout());
            assertTrue(timeout.getMessage().contains("2000 ms"), timeout.getMessage());
            assertTrue(result.elapsedMillis() >= STATEMENT_TIMEOUT.toMillis(), "Timed out early: " + results);
            assertTrue(result.elapsedMillis() < LONGEST_CALL_MILLIS, "Timed out late: " + results);
        }

        // Back to normal: the first call that works, then every call.
        long recoveredAt = -1;
        RuntimeException lastFailure = null;
        int failedAfterResume = 0;
        for (int attempt = 0; attempt < 200 && System.nanoTime() - resumedAt < TimeUnit.SECONDS.toNanos(10); attempt++) {
            try {
                Map<String, Object> row = ferro.fetchOne("SELECT 42 AS answer").orElseThrow();
                assertEquals(42, ((Number) row.get("answer")).intValue());
                recoveredAt = System.nanoTime();
                break;
            } catch (RuntimeException e) {
                failedAfterResume++;
                lastFailure = e;
                Thread.sleep(50);
            }
        }
        assertTrue(recoveredAt > 0, "No call worked within 10 s of SIGCONT; last failure: " + lastFailure);
        long recoveryMillis = TimeUnit.NANOSECONDS.toMillis(recoveredAt - resumedAt);
        int failuresAfterResume = failedAfterResume;
        LOG.info(() -> "After SIGCONT: the first call worked after " + recoveryMillis + " ms, " + failuresAfterResume + " failed before it");
        assertTrue(recoveryMillis < 5_000, "Recovery took " + recoveryMillis + " ms");
        int succeeded = 0;
        for (int i = 0; i < 20; i++) {
            ferro.fetchOne("SELECT 1");
            succeeded++;
        }
        assertEquals(20, succeeded);
    }

    /**
     * On a server that answers, the timeout's cancel request ends the statement (SQLState 57014) and
     * the connection lives on: the next call runs on the same backend.
     */
    @Test
    void slowStatementOnAHealthyServerIsCancelledByTheServerAndItsConnectionKept() {
        Object backendBefore = ferro.fetchOne("SELECT pg_backend_pid() AS pid").orElseThrow().get("pid");
        long start = System.nanoTime();
        QueryTimeoutException timeout = assertThrows(QueryTimeoutException.class, () -> ferro.fetchOne("SELECT pg_sleep(10)"));
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        Object backendAfter = ferro.fetchOne("SELECT pg_backend_pid() AS pid").orElseThrow().get("pid");
        LOG.info(() -> "A 10 s statement on a healthy server ended after " + elapsedMillis + " ms: " + timeout.getMessage());

        assertEquals("57014", timeout.sqlState());
        assertEquals(STATEMENT_TIMEOUT, timeout.timeout());
        assertTrue(elapsedMillis >= STATEMENT_TIMEOUT.toMillis() && elapsedMillis < STATEMENT_TIMEOUT.toMillis() + 500,
                "Cancelled after " + elapsedMillis + " ms");
        assertEquals(backendBefore, backendAfter);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The callers did not all get a connection", e);
        }
    }
}
