package dev.ferro.examples.blog;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static dev.ferro.examples.blog.Blog.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A release upgrade, as a user makes it: the blog's first release (its Post without {@code publishedAt}, its
 * migrations up to V1) is deployed on an empty database and written to over HTTP; then the current release is
 * deployed on the same database, where Flyway applies V2 (the column and its index) at start, and the rows of the
 * first release are there, unchanged, beside the new column, which the API now reads and writes. The second is
 * deployed in place of the first in the running server, which stops the first (and its Ferro, whose pool lets go
 * of the database) before it starts the second. On a server of its own, on its own database: PostgreSQL's
 * blog_upgrade, or an H2 file, since an in-memory database ends with the application that held it.
 */
class UpgradeIT {
    private static final Pattern V2_SCRIPT = Pattern.compile("WEB-INF/classes/db/migration/[^/]+/V2__[^/]*|WEB-INF/classes/db/migration/V2\\.schema\\.json");

    @Test
    void theSecondReleaseMigratesTheFirstsDatabaseAndKeepsItsRows() throws IOException {
        Path war = Path.of(BlogServer.property("blog.war"));
        Path firstRelease = firstRelease(war, war.resolveSibling("blog-v1-classes"), war.resolveSibling("blog-v1.war"));
        int port = Integer.parseInt(BlogServer.property("blog.port")) + 10;
        Path runDirectory = war.resolveSibling("blog-upgrade-" + BlogServer.property("blog.database"));
        Map<String, String> ferro = database(war.resolveSibling("blog-upgrade-h2-database"));

        try (BlogServer.Running server = BlogServer.start(firstRelease, runDirectory, port, ferro)) {
            URI blog = server.base;
            long author = send(blog, "users", "POST", "{\"username\":\"ann\",\"email\":\"ann@example.com\"}").id();
            long post = send(blog, "posts", "POST", "{\"title\":\"Hello\",\"body\":\"Written by the first release\",\"author\":" + author
                    + ",\"publishedAt\":\"2026-12-01T09:00:00\"}").id();
            // The first release has no such field: what it is sent of it is not kept.
            expect(200, "{\"id\":" + post + ",\"title\":\"Hello\",\"body\":\"Written by the first release\",\"author\":" + author
                    + ",\"tags\":[],\"comments\":[]}", send(blog, "posts/" + post, "GET", null));

            server.redeploy(war);
            expect(200, "{\"id\":" + post + ",\"title\":\"Hello\",\"body\":\"Written by the first release\",\"author\":" + author
                    + ",\"tags\":[],\"comments\":[]}", send(blog, "posts/" + post, "GET", null));
            expect(200, "{\"id\":" + author + ",\"username\":\"ann\",\"email\":\"ann@example.com\"}",
                    send(blog, "users/" + author, "GET", null));

            expect(200, "{\"id\":" + post + ",\"title\":\"Hello\",\"body\":\"Published\",\"author\":" + author
                    + ",\"publishedAt\":\"2026-12-01T09:00:00\"}", send(blog, "posts/" + post, "PUT",
                    "{\"title\":\"Hello\",\"body\":\"Published\",\"publishedAt\":\"2026-12-01T09:00:00\"}"));
            long later = send(blog, "posts", "POST", "{\"title\":\"Later\",\"body\":\"Second\",\"author\":" + author
                    + ",\"publishedAt\":\"2026-12-02T10:30:00\"}").id();
            expect(200, "{\"id\":" + later + ",\"title\":\"Later\",\"body\":\"Second\",\"author\":" + author
                    + ",\"publishedAt\":\"2026-12-02T10:30:00\",\"tags\":[],\"comments\":[]}", send(blog, "posts/" + later, "GET", null));
            assertEquals(post + 1, later, "the ids go on from the first release's");
        }
    }

    /** FERRO_ variables of the upgrade's database, emptied: PostgreSQL's blog_upgrade, or an H2 file of this run. */
    private static Map<String, String> database(Path h2Directory) throws IOException {
        Map<String, String> ferro = new LinkedHashMap<>();
        String database = BlogServer.property("blog.database");
        if (database.equals("postgresql")) {
            ferro.put("FERRO_URL", BlogServer.emptyPostgresDatabase("blog_upgrade"));
            ferro.put("FERRO_USERNAME", BlogServer.property("blog.postgresql.username"));
        } else {
            BlogServer.deleteTree(h2Directory);
            ferro.put("FERRO_URL", "jdbc:h2:file:" + h2Directory.resolve("blog").toAbsolutePath());
        }
        return ferro;
    }

    /**
     * The first release's WAR: the current one with the classes compiled from src/v1 (its Post) in place of theirs,
     * and without V2's scripts and snapshot, whose lines the script lists lose too.
     */
    private static Path firstRelease(Path war, Path v1Classes, Path target) throws IOException {
        Map<String, Path> replaced;
        try (Stream<Path> files = Files.walk(v1Classes)) {
            replaced = files.filter(Files::isRegularFile)
                    .collect(Collectors.toMap(file -> "WEB-INF/classes/" + v1Classes.relativize(file).toString().replace('\\', '/'), file -> file));
        }
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(war));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String name = entry.getName();
                if (V2_SCRIPT.matcher(name).matches()) {
                    continue;
                }
                out.putNextEntry(new ZipEntry(name));
                if (replaced.containsKey(name)) {
                    Files.copy(replaced.get(name), out);
                } else if (name.endsWith("/ferro-migrations.list")) {
                    String list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    out.write(list.replaceAll("(?m)^V2__.*\n", "").getBytes(StandardCharsets.UTF_8));
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return target;
    }

    private static Http.Reply send(URI base, String path, String method, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).header("Accept", "application/json");
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return Http.send(request);
    }
}
