package dev.ferro.impl.fault;

import dev.ferro.ConnectionLostException;
import dev.ferro.DataAccessException;
import dev.ferro.Ferro;
import dev.ferro.Query;
import dev.ferro.impl.testing.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A statement larger than MariaDB's max_allowed_packet makes the server drop the connection
 * (error 1153, "Got a packet bigger than 'max_allowed_packet' bytes"): the call fails, the pool
 * destroys that connection, and every later call on the same Ferro succeeds, on the same thread
 * and from ten threads at once.
 */
class OversizedPacketTest {
    private static final Logger LOG = Logger.getLogger(OversizedPacketTest.class.getName());
    private static final Database MARIADB = Database.MARIADB;

    private Ferro ferro;
    private Query<FaultPayload> payloads;

    @BeforeEach
    void connect() {
        String unavailable = MARIADB.unavailableReason();
        if (unavailable != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("CI requires MariaDB: " + unavailable);
            }
            Assumptions.abort(unavailable);
        }
        ferro = MARIADB.connect(MARIADB.options().models(FaultPayload.class));
        ferro.schema().drop(FaultPayload.class);
        ferro.schema().create(FaultPayload.class);
        payloads = ferro.query(FaultPayload.class);
    }

    @AfterEach
    void close() {
        if (ferro != null) {
            ferro.close();
        }
    }

    @Test
    void insertLargerThanMaxAllowedPacketFailsAndEveryLaterCallSucceeds() throws Exception {
        long maxAllowedPacket = ((Number) ferro.fetchOne("SELECT @@max_allowed_packet AS size").orElseThrow().get("size")).longValue();
        long connectionBefore = connectionId();
        String oversized = "x".repeat(Math.toIntExact(maxAllowedPacket + 1024));

        DataAccessException failure = assertThrows(DataAccessException.class, () -> payloads.create(new FaultPayload(oversized)));
        long connectionAfter = connectionId();
        LOG.info(() -> "An insert of " + oversized.length() + " characters (max_allowed_packet " + maxAllowedPacket
                + ") failed with " + failure.getClass().getSimpleName() + " [" + failure.sqlState() + "]: " + failure.getMessage()
                + "; connection " + connectionBefore + " replaced by " + connectionAfter);

        // The server dropped the connection (the driver did not refuse the packet itself): it is gone
        // from the server's process list, and Ferro's pool gave this thread a new one.
        assertEquals(ConnectionLostException.class, failure.getClass());
        assertFalse(((ConnectionLostException) failure).commitOutcomeUnknown());
        assertEquals("08S01", failure.sqlState());
        assertTrue(failure.getMessage().contains("max_allowed_packet"), failure.getMessage());
        assertNotEquals(connectionBefore, connectionAfter);
        assertFalse(serverConnectionIds().contains(connectionBefore), "The server still has connection " + connectionBefore);
        assertEquals(0L, payloads.count());

        int succeeded = 0;
        for (int i = 0; i < 100; i++) {
            FaultPayload created = payloads.create(new FaultPayload("same-thread-" + i));
            assertEquals("same-thread-" + i, payloads.get(created.id).payload);
            succeeded++;
        }
        assertEquals(100, succeeded);

        ExecutorService threads = Executors.newFixedThreadPool(10);
        Set<Long> ids = ConcurrentHashMap.newKeySet();
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 10; t++) {
                int thread = t;
                results.add(threads.submit(() -> {
                    int done = 0;
                    for (int i = 0; i < 20; i++) {
                        ids.add(payloads.create(new FaultPayload("thread-" + thread + "-" + i)).id);
                        done++;
                    }
                    return done;
                }));
            }
            int concurrentSucceeded = 0;
            for (Future<Integer> result : results) {
                concurrentSucceeded += result.get(30, TimeUnit.SECONDS);
            }
            assertEquals(200, concurrentSucceeded);
        } finally {
            threads.shutdownNow();
            assertTrue(threads.awaitTermination(10, TimeUnit.SECONDS), "A thread did not stop");
        }
        assertEquals(200, ids.size());
        assertEquals(300L, payloads.count());
        assertEquals(300L, payloads.where(FaultPayload_.payload.startsWith("same-thread-")).count()
                + payloads.where(FaultPayload_.payload.startsWith("thread-")).count());
    }

    /** The server's id of the connection this thread's calls run on. */
    private long connectionId() {
        return ((Number) ferro.fetchOne("SELECT CONNECTION_ID() AS id").orElseThrow().get("id")).longValue();
    }

    /** Every connection the server has open, read over a plain JDBC connection of its own. */
    private static Set<Long> serverConnectionIds() throws Exception {
        Set<Long> ids = new java.util.HashSet<>();
        try (Connection connection = DriverManager.getConnection(MARIADB.url(), MARIADB.user(), MARIADB.password());
             PreparedStatement statement = connection.prepareStatement("SELECT id FROM information_schema.processlist");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }
}
