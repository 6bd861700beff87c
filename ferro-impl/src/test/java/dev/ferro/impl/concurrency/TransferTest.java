package dev.ferro.impl.concurrency;

import dev.ferro.impl.concurrency.Transfers.Result;
import dev.ferro.impl.concurrency.Transfers.Way;
import dev.ferro.impl.testing.DatabaseTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * 100,000 transfers between 50 accounts from 16 threads, written with the model API in each of the
 * three ways that lose nothing: every transfer goes through (retried when it conflicted), the sum
 * stays exactly 50,000 and every balance is the one the plan demands.
 */
class TransferTest extends DatabaseTest {
    private static final Logger LOG = Logger.getLogger(TransferTest.class.getName());
    static final int TRANSFERS = 100_000;
    static final int THREADS = 16;

    @Override
    protected Class<?>[] models() {
        return Transfers.models();
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void transfersFrom16ThreadsKeepEveryBalanceExact(Way way) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        Result result;
        long start = System.nanoTime();
        try {
            result = Transfers.run(ferro, way, Transfers.plan(TRANSFERS, 12), threads, THREADS);
        } finally {
            threads.shutdownNow();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.info(() -> database + " " + way + ": " + TRANSFERS + " transfers in " + millis + " ms, "
                + result.attempts() + " attempts");

        assertEquals(Transfers.ACCOUNTS * Transfers.INITIAL, result.sum());
        assertEquals(result.expected(), result.balances());
        assertEquals(TRANSFERS, result.transactions());
    }
}
