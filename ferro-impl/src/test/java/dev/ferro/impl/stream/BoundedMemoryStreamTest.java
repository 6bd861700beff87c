package dev.ferro.impl.stream;

import dev.ferro.Ferro;
import dev.ferro.impl.testing.Database;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A million rows streamed on PostgreSQL and MariaDB by {@link BoundedMemoryStreamMain} in a JVM of its
 * own with a 64 MB heap, which the same rows loaded as a list do not fit in. Only the servers: the
 * embedded databases live in the test's JVM (H2 in memory, SQLite in a file of its own), not in the
 * child's. Like every ORM test, in CI a server that is down fails the run.
 */
class BoundedMemoryStreamTest {
    private static final int ROWS = 1_000_000;
    private static final long CHILD_SECONDS = 60;
    private static final Logger LOG = Logger.getLogger(BoundedMemoryStreamTest.class.getName());

    /** A Ferro on the server with a fresh, empty {@code stream_big}; the caller drops the table. */
    private static Ferro connect(Database database) {
        String unavailable = database.unavailableReason();
        if (unavailable != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("CI requires every database: " + unavailable);
            }
            Assumptions.abort(unavailable);
        }
        Ferro ferro = database.connect(database.options().models(StreamBig.class));
        ferro.schema().drop(StreamBig.class);
        ferro.schema().create(StreamBig.class);
        return ferro;
    }

    /** Ids 1 to a million, each with a 48-character payload ending in its id, filled by the server itself. */
    private static void fill(Ferro ferro, Database database) {
        String insert = database == Database.POSTGRESQL
                ? "INSERT INTO stream_big (id, payload) SELECT g, 'payload-' || lpad(g::text, 40, '0') FROM generate_series(1, ?) g"
                : "INSERT INTO stream_big (id, payload) SELECT seq, CONCAT('payload-', LPAD(seq, 40, '0')) FROM seq_1_to_" + ROWS;
        int inserted = database == Database.POSTGRESQL ? ferro.execute(insert, ROWS) : ferro.execute(insert);
        assertEquals(ROWS, inserted);
    }

    private record Child(int exitCode, List<String> output, long millis) {
    }

    private static Child runChild(Database database, String mode) throws IOException, InterruptedException {
        Path output = Files.createTempFile("ferro-stream-child", ".txt");
        try {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java, "-Xmx64m", "-XX:+UseSerialGC",
                    "-cp", System.getProperty("java.class.path"), BoundedMemoryStreamMain.class.getName(),
                    database.name(), Integer.toString(ROWS), mode));
            long started = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(CHILD_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                fail("the streaming JVM did not finish within " + CHILD_SECONDS + " s: " + Files.readAllLines(output));
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            List<String> lines = Files.readAllLines(output);
            LOG.info(() -> "[" + database + "] child "
                    + mode + ": exit " + process.exitValue() + " in " + millis + " ms: " + lines.stream()
                    .filter(l -> l.contains("rows=") || l.contains("heap") || l.contains("OutOfMemory")).toList());
            return new Child(process.exitValue(), lines, millis);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** Fills the table, runs the child in {@code mode} over it, and drops the table whatever the child did. */
    private static Child onAMillionRows(Database database, String mode) throws IOException, InterruptedException {
        try (Ferro ferro = connect(database)) {
            fill(ferro, database);
            try {
                return runChild(database, mode);
            } finally {
                ferro.schema().drop(StreamBig.class);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Database.class, names = {"POSTGRESQL", "MARIADB"})
    void aMillionRowsStreamInA64MegabyteHeapWithNoRowLostOrRepeated(Database database) throws Exception {
        Child child = onAMillionRows(database, "stream");

        long sum = (long) ROWS * (ROWS + 1) / 2;
        assertTrue(child.output().contains("query rows=" + ROWS + " distinct=" + ROWS + " sum=" + sum + " bad=0"),
                () -> String.join("\n", child.output()));
        assertTrue(child.output().contains("raw rows=" + ROWS + " distinct=" + ROWS + " sum=" + sum + " bad=0"),
                () -> String.join("\n", child.output()));
        assertEquals(0, child.exitCode(), () -> String.join("\n", child.output()));
    }

    /** The control: the same rows as one list do not fit in the same heap, so the streaming run above proves something. */
    @ParameterizedTest
    @EnumSource(value = Database.class, names = {"POSTGRESQL", "MARIADB"})
    void theSameMillionRowsLoadedWithAllDoNotFitInThatHeap(Database database) throws Exception {
        Child child = onAMillionRows(database, "all");

        assertNotEquals(0, child.exitCode(), () -> String.join("\n", child.output()));
        assertTrue(child.output().stream().anyMatch(l -> l.contains("java.lang.OutOfMemoryError")),
                () -> String.join("\n", child.output()));
    }
}
