package dev.ferro.impl.fault;

import dev.ferro.FerroOptions;
import dev.ferro.PoolExhaustedException;
import dev.ferro.Query;
import dev.ferro.impl.testing.DatabaseTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A pool of two, both connections held: a third call waits the acquisition timeout and fails with a
 * {@link PoolExhaustedException} that says the pool size and the timeout; once the holders let go,
 * calls succeed again. One holder is a transaction block and the other an open stream, which works
 * on every database: SQLite lets one writer in at a time (a second transaction would wait for the
 * write lock instead of holding its connection idle), while a reader runs beside it in WAL mode.
 */
class PoolExhaustionTest extends DatabaseTest {
    private static final Logger LOG = Logger.getLogger(PoolExhaustionTest.class.getName());
    private static final int POOL_SIZE = 2;
    private static final Duration ACQUISITION_TIMEOUT = Duration.ofMillis(1000);
    private static final long TOLERANCE_MILLIS = 200;

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {FaultRecord.class};
    }

    @Override
    protected FerroOptions options(FerroOptions options) {
        return options.maxPoolSize(POOL_SIZE).acquisitionTimeout(ACQUISITION_TIMEOUT);
    }

    @Test
    void callBeyondAFullPoolFailsAfterTheAcquisitionTimeoutAndThePoolServesAgainOnceFreed() throws Exception {
        Query<FaultRecord> records = ferro.query(FaultRecord.class);
        records.create(new FaultRecord("before", 0));
        CountDownLatch bothHeld = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService holders = Executors.newFixedThreadPool(2);
        try {
            Future<Long> inTransaction = holders.submit(() -> ferro.transaction(() -> {
                long count = records.count();
                bothHeld.countDown();
                awaitRelease(release);
                return count;
            }));
            Future<Integer> streaming = holders.submit(() -> {
                try (Stream<Map<String, Object>> rows = ferro.stream("SELECT token FROM fault_record")) {
                    bothHeld.countDown();
                    awaitRelease(release);
                    return (int) rows.count();
                }
            });
            assertTrue(bothHeld.await(10, TimeUnit.SECONDS), "The two holders did not get their connections");

            long start = System.nanoTime();
            PoolExhaustedException exhausted = assertThrows(PoolExhaustedException.class, records::count);
            long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            LOG.info(() -> database + ": the third call failed after " + elapsedMillis + " ms: " + exhausted.getMessage());

            assertEquals(POOL_SIZE, exhausted.poolSize());
            assertEquals(ACQUISITION_TIMEOUT, exhausted.acquisitionTimeout());
            assertTrue(exhausted.getMessage().contains("pool of 2 "), exhausted.getMessage());
            assertTrue(exhausted.getMessage().contains("1000 ms"), exhausted.getMessage());
            assertTrue(Math.abs(elapsedMillis - ACQUISITION_TIMEOUT.toMillis()) <= TOLERANCE_MILLIS,
                    "Failed after " + elapsedMillis + " ms, not the acquisition timeout of 1000 ms");

            release.countDown();
            assertEquals(1L, inTransaction.get(10, TimeUnit.SECONDS));
            assertEquals(1, streaming.get(10, TimeUnit.SECONDS));
        } finally {
            release.countDown();
            holders.shutdownNow();
            assertTrue(holders.awaitTermination(10, TimeUnit.SECONDS), "A holder thread did not stop");
        }

        Set<Long> ids = new HashSet<>();
        int succeeded = 0;
        for (int i = 0; i < 50; i++) {
            ids.add(records.create(new FaultRecord("after-" + i, 0)).id);
            succeeded++;
        }
        assertEquals(50, succeeded);
        assertEquals(50, ids.size());
        assertEquals(51L, records.count());
        assertEquals(List.of("after-0", "after-49"), List.of(records.where(FaultRecord_.token.eq("after-0")).one().token,
                records.where(FaultRecord_.token.eq("after-49")).one().token));
    }

    private static void awaitRelease(CountDownLatch release) {
        try {
            if (!release.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while holding a connection", e);
        }
    }
}
