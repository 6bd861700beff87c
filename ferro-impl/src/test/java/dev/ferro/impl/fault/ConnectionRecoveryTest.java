package dev.ferro.impl.fault;

import dev.ferro.ConnectionLostException;
import dev.ferro.Ferro;
import dev.ferro.FerroOptions;
import dev.ferro.SchemaMode;
import dev.ferro.TransientDataAccessException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * One Ferro, on a private PostgreSQL that is restarted, killed and has its backends terminated under
 * four writers: after each fault the same Ferro serves calls again within two seconds of the server
 * accepting connections, the calls that failed failed with {@link ConnectionLostException}, and every
 * acknowledged insert is in the table (checked with plain JDBC).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConnectionRecoveryTest {
    private static final Logger LOG = Logger.getLogger(ConnectionRecoveryTest.class.getName());
    private static final int WRITERS = 4;
    /** The acceptance bound: calls succeed again within this long after the server accepts connections. */
    private static final long RECOVERY_BOUND_NANOS = TimeUnit.SECONDS.toNanos(2);
    /** How long the writers go on after the server is back: past the bound, to see that calls keep succeeding. */
    private static final long RUN_AFTER_READY_MILLIS = 3_000;

    private PrivatePostgres server;
    private Ferro ferro;

    @BeforeAll
    void startServerAndFerro() throws Exception {
        PrivatePostgres.requireAvailable();
        server = PrivatePostgres.start();
        ferro = Ferro.connect(server.jdbcUrl(), FerroOptions.defaults().user("postgres").models(FaultRecord.class)
                .schema(SchemaMode.CREATE));
    }

    @AfterAll
    void stop() {
        try {
            if (ferro != null) {
                ferro.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    @BeforeEach
    void emptyTable() throws SQLException {
        try (Connection connection = server.connect(5); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE fault_record");
        }
    }

    @Test
    @Order(1)
    void fastRestart() throws Exception {
        survives("restart", () -> {
            server.restartFast();
            return server.awaitAcceptingConnections(10_000);
        });
    }

    @Test
    @Order(2)
    void postmasterKilledAndStartedAgain() throws Exception {
        survives("sigkill", () -> {
            server.killAndStart();
            return server.awaitAcceptingConnections(10_000);
        });
    }

    @Test
    @Order(3)
    void everyBackendTerminated() throws Exception {
        survives("terminate", () -> {
            int terminated = server.terminateEveryBackend();
            LOG.info(() -> "pg_terminate_backend ended " + terminated + " backends");
            assertTrue(terminated >= 1, "Ferro's pool had no backend to terminate");
            // The server never stopped accepting connections: it is ready as soon as the backends are gone.
            return System.nanoTime();
        });
    }

    /** A fault: does it, and returns when the server accepted a plain connection again (System.nanoTime()). */
    @FunctionalInterface
    private interface Fault {
        long inflict() throws Exception;
    }

    private void survives(String name, Fault fault) throws Exception {
        Workload workload = Workload.start(ferro, name, WRITERS);
        long faultAt;
        long readyAt;
        try (workload) {
            assertTrue(workload.awaitSuccesses(5, 10_000), "The writers did not get going: " + Workload.failureTypes(workload.calls()));
            faultAt = System.nanoTime();
            try {
                readyAt = fault.inflict();
            } catch (Exception | AssertionError e) {
                throw new AssertionError("The " + name + " fault failed; server log:\n" + server.logTail(), e);
            }
            Thread.sleep(RUN_AFTER_READY_MILLIS);
        }
        // Read after the writers stopped: every insert that reached the table has its call recorded.
        List<Workload.Call> calls = workload.calls();

        List<Workload.Call> failures = calls.stream().filter(c -> !c.succeeded()).toList();
        Map<String, Integer> types = Workload.failureTypes(calls);
        long lastFailureEnd = failures.stream().mapToLong(Workload.Call::endNanos).max().orElse(readyAt);
        long recoveredAfterReadyMillis = TimeUnit.NANOSECONDS.toMillis(Math.max(0, lastFailureEnd - readyAt));
        long downMillis = TimeUnit.NANOSECONDS.toMillis(readyAt - faultAt);
        long successesAfterBound = calls.stream()
                .filter(c -> c.succeeded() && c.startNanos() > readyAt + RECOVERY_BOUND_NANOS).count();

        // The rows as the database has them, read without Ferro.
        Set<String> present = tokensInTable();
        Set<String> acknowledged = tokens(calls, Workload.Call::insertAcknowledged);
        Set<String> ambiguous = tokens(calls, c -> !c.insertAcknowledged() && c.outcomeUnknown());
        Set<String> failedForSure = tokens(calls, c -> !c.insertAcknowledged() && !c.outcomeUnknown());
        Set<String> missing = difference(acknowledged, present);
        Set<String> ambiguousKept = intersection(ambiguous, present);
        Set<String> failedButKept = intersection(failedForSure, present);

        String summary = name + ": " + calls.size() + " calls, " + failures.size() + " failed " + types
                + "; down " + downMillis + " ms; last failure " + recoveredAfterReadyMillis + " ms after the server was ready; "
                + successesAfterBound + " successes after the 2 s bound; " + acknowledged.size() + " inserts acknowledged, "
                + present.size() + " rows present, " + ambiguous.size() + " ambiguous (outcome unknown, "
                + ambiguousKept.size() + " of them kept)";
        LOG.info(summary);
        for (Workload.Call failure : failures.stream().limit(3).toList()) {
            LOG.fine(() -> "Failure of " + failure.token() + ": " + failure.failure());
        }

        assertTrue(failures.size() >= 1, "The fault failed no call at all: " + summary);
        for (Workload.Call failure : failures) {
            if (!(failure.failure() instanceof TransientDataAccessException)) {
                fail("A call failed with a non-transient exception: " + summary, failure.failure());
            }
        }
        assertEquals(Set.of(ConnectionLostException.class.getSimpleName()), types.keySet(), summary);
        assertTrue(lastFailureEnd - readyAt < RECOVERY_BOUND_NANOS, "Calls still failed " + recoveredAfterReadyMillis
                + " ms after the server accepted connections: " + summary);
        for (int writer = 0; writer < WRITERS; writer++) {
            int w = writer;
            assertTrue(calls.stream().anyMatch(c -> c.writer() == w && c.succeeded() && c.startNanos() > readyAt + RECOVERY_BOUND_NANOS),
                    "Writer " + w + " had no successful call after the bound: " + summary);
        }
        assertEquals(Set.of(), missing, "Acknowledged inserts missing from the table: " + summary);
        assertEquals(Set.of(), failedButKept, "Inserts reported as not done (commit outcome known) are in the table: " + summary);
        assertEquals(acknowledged.size() + ambiguousKept.size(), present.size(), summary);
        assertEquals(union(acknowledged, ambiguousKept), present, summary);
    }

    private Set<String> tokensInTable() throws SQLException {
        Set<String> tokens = new HashSet<>();
        try (Connection connection = server.connect(5); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT token FROM fault_record")) {
            while (rows.next()) {
                tokens.add(rows.getString(1));
            }
        }
        return tokens;
    }

    private static Set<String> tokens(List<Workload.Call> calls, java.util.function.Predicate<Workload.Call> which) {
        return calls.stream().filter(which).map(Workload.Call::token).collect(Collectors.toSet());
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new HashSet<>(a);
        result.removeAll(b);
        return result;
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        Set<String> result = new HashSet<>(a);
        result.retainAll(b);
        return result;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> result = new HashSet<>(a);
        result.addAll(b);
        return result;
    }
}
