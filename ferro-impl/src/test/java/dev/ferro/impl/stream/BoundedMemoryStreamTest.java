package dev.ferro.impl.stream;

import dev.ferro.impl.testing.Database;
import dev.ferro.impl.testing.DatabaseTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A million rows streamed on PostgreSQL and MariaDB by {@link BoundedMemoryStreamMain} in a JVM of its
 * own with a 64 MB heap, which the same rows loaded as a list do not fit in.
 */
class BoundedMemoryStreamTest extends DatabaseTest {
    private static final int ROWS = 1_000_000;
    private static final long CHILD_SECONDS = 60;

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {StreamBig.class};
    }

    @AfterEach
    void dropTheMillionRows() {
        if (ferro != null && database.isServer()) {
            ferro.schema().drop(StreamBig.class);
        }
    }

    /** Ids 1 to a million, each with a 48-character payload ending in its id, filled by the server itself. */
    private void fill() {
        String insert = database == Database.POSTGRESQL
                ? "INSERT INTO stream_big (id, payload) SELECT g, 'payload-' || lpad(g::text, 40, '0') FROM generate_series(1, ?) g"
                : "INSERT INTO stream_big (id, payload) SELECT seq, CONCAT('payload-', LPAD(seq, 40, '0')) FROM seq_1_to_" + ROWS;
        int inserted = database == Database.POSTGRESQL ? ferro.execute(insert, ROWS) : ferro.execute(insert);
        assertEquals(ROWS, inserted);
    }

    private record Child(int exitCode, List<String> output, long millis) {
    }

    private Child runChild(String mode) throws IOException, InterruptedException {
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
            System.out.printf("[%s] child %s: exit %d in %d ms: %s%n", database, mode, process.exitValue(), millis,
                    lines.stream().filter(l -> l.contains("rows=") || l.contains("heap") || l.contains("OutOfMemory")).toList());
            return new Child(process.exitValue(), lines, millis);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    @Test
    void aMillionRowsStreamInA64MegabyteHeapWithNoRowLostOrRepeated() throws Exception {
        assumeTrue(database.isServer(), "the million-row run is for the servers, PostgreSQL and MariaDB");
        fill();

        Child child = runChild("stream");

        long sum = (long) ROWS * (ROWS + 1) / 2;
        assertTrue(child.output().contains("query rows=" + ROWS + " distinct=" + ROWS + " sum=" + sum + " bad=0"),
                () -> String.join("\n", child.output()));
        assertTrue(child.output().contains("raw rows=" + ROWS + " distinct=" + ROWS + " sum=" + sum + " bad=0"),
                () -> String.join("\n", child.output()));
        assertEquals(0, child.exitCode(), () -> String.join("\n", child.output()));
    }

    /** The control: the same rows as one list do not fit in the same heap, so the streaming run above proves something. */
    @Test
    void theSameMillionRowsLoadedWithAllDoNotFitInThatHeap() throws Exception {
        assumeTrue(database.isServer(), "the million-row run is for the servers, PostgreSQL and MariaDB");
        fill();

        Child child = runChild("all");

        assertNotEquals(0, child.exitCode(), () -> String.join("\n", child.output()));
        assertTrue(child.output().stream().anyMatch(l -> l.contains("java.lang.OutOfMemoryError")),
                () -> String.join("\n", child.output()));
    }
}
