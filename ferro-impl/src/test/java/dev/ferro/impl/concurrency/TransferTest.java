package dev.ferro.impl.concurrency;

import dev.ferro.Ferro;
import dev.ferro.impl.concurrency.Transfers.Result;
import dev.ferro.impl.concurrency.Transfers.Way;
import dev.ferro.impl.testing.DatabaseTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 100,000 transfers between 50 accounts from 16 threads, written with the model API in each of the
 * three ways that lose nothing: every transfer goes through (retried when it conflicted), the sum
 * stays exactly 50,000 and every balance is the one the plan demands.
 */
class TransferTest extends DatabaseTest {
    private static final Logger LOG = Logger.getLogger(TransferTest.class.getName());
    static final int TRANSFERS = 100_000;
    static final int THREADS = 16;
    private static final Path TEMURIN_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

    @Override
    protected Class<?>[] models() {
        return Transfers.models();
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void transfersFrom16ThreadsKeepEveryBalanceExact(Way way) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        // A Ferro without the test's statement log, which would keep 700,000 statements.
        Ferro unlogged = database.connect(database.options().models(Transfers.models()));
        Result result;
        long start = System.nanoTime();
        try {
            result = Transfers.run(unlogged, way, Transfers.plan(TRANSFERS, 12), threads, THREADS);
        } finally {
            threads.shutdownNow();
            unlogged.close();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.info(() -> database + " " + way + ": " + TRANSFERS + " transfers in " + millis + " ms, "
                + result.attempts() + " attempts");

        assertEquals(Transfers.ACCOUNTS * Transfers.INITIAL, result.sum());
        assertEquals(result.expected(), result.balances());
        assertEquals(TRANSFERS, result.transactions());
    }

    /**
     * The same on 200 virtual threads, in a JVM of Java 25 (this module compiles for 17), which makes
     * tables of its own on the same database: for H2 and SQLite, a database of its own.
     */
    @ParameterizedTest
    @EnumSource(Way.class)
    void transfersFrom200VirtualThreadsKeepEveryBalanceExact(Way way) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(TEMURIN_25), "no Temurin 25 JDK at " + TEMURIN_25
                + ": the virtual-thread run needs it");
        Path output = Files.createTempFile("ferro-transfers", ".log");
        try {
            List<String> command = List.of(TEMURIN_25.toString(), "-cp", System.getProperty("java.class.path"),
                    TransferMain.class.getName(), database.name(), way.name(), String.valueOf(TRANSFERS), "200");
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            boolean ended = process.waitFor(15, TimeUnit.MINUTES);
            if (!ended) {
                process.destroyForcibly();
            }
            String printed = Files.readString(output);
            long millis = (System.nanoTime() - start) / 1_000_000;
            String result = printed.lines().filter(line -> line.startsWith("RESULT ")).findFirst().orElse(printed);
            LOG.info(() -> database + " " + way + " on 200 virtual threads: " + millis + " ms, " + result);

            assertTrue(ended, "the child did not end in 15 minutes");
            assertEquals(0, process.exitValue(), printed);
            assertTrue(result.startsWith("RESULT sum=" + Transfers.ACCOUNTS * Transfers.INITIAL + " exact=true transactions="
                    + TRANSFERS + " attempts="), printed);
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
