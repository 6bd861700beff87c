package dev.ferro.examples.blog;

import dev.ferro.impl.schema.MigrationGenerator;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The check a CI build of the blog runs: the models match the latest migration's snapshot, and each directory's list
 * names its scripts, so that no model change ships without its migration (MigrationGenerator --check, on the
 * migrations as the build packages them).
 */
class MigrationsTest {
    @Test
    void theModelsMatchTheLatestMigration() throws URISyntaxException {
        URL snapshot = Thread.currentThread().getContextClassLoader().getResource("db/migration/V2.schema.json");
        assertNotNull(snapshot, "db/migration/V2.schema.json on the class path");
        Path directory = Path.of(snapshot.toURI()).getParent();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = MigrationGenerator.run(new String[] {"--dir", directory.toString(), "--check"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertEquals("The models match " + directory + "'s latest snapshot.\n", out.toString(StandardCharsets.UTF_8));
    }
}
