package dev.ferro.examples.blog;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The server the integration tests talk to: started once per test run (one failsafe execution) with the blog's WAR,
 * and stopped when the run ends, whether the tests passed or not (and by a shutdown hook if the JVM ends first).
 * The build says which server and database through system properties (see the poms): {@code blog.server}
 * ({@code wildfly} or {@code liberty}) in {@code blog.server.home}, on 127.0.0.1:{@code blog.port}; {@code blog.database}
 * {@code h2} uses the WAR's embedded default, {@code postgresql} sets FERRO_URL for the server, as a user would, to a
 * database blog_it made anew for the run.
 *
 * <p>Each run gets a server directory of its own under target/, so it never shares state with another run or
 * with a server the user started from the same unpacked distribution.
 */
public final class BlogServer implements BeforeAllCallback {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);

    /** What each server writes on its console once a replaced WAR is deployed again, or has failed to. */
    private static final Pattern WILDFLY_REDEPLOYED = Pattern.compile("WFLYSRV0016: Replaced deployment \"blog.war\"|WFLYCTL0013|WFLYSRV0021");
    private static final Pattern LIBERTY_REDEPLOYED = Pattern.compile("CWWKZ0003I: The application blog updated|CWWKZ000[24]E");

    private static volatile URI base;

    /** The blog's root, such as http://127.0.0.1:8580/blog/, of the run's server. */
    public static URI base() {
        return base;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Running running = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(BlogServer.class, key -> start(), Running.class);
        base = running.base;
    }

    static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set: run the tests with ./mvnw verify");
        }
        return value;
    }

    /** The server of the run with the blog's WAR, on the run's database, emptied first (PostgreSQL). */
    private static Running start() {
        String database = property("blog.database");
        Path war = Path.of(property("blog.war"));
        Map<String, String> ferro = new LinkedHashMap<>();
        if (database.equals("postgresql")) {
            ferro.put("FERRO_URL", emptyPostgresDatabase("blog_it"));
            ferro.put("FERRO_USERNAME", property("blog.postgresql.username"));
        } else if (!database.equals("h2")) {
            throw new IllegalStateException("blog.database must be h2 or postgresql, not " + database);
        }
        return start(war, war.resolveSibling("blog-it-" + database), Integer.parseInt(property("blog.port")), ferro);
    }

    /**
     * The run's server (blog.server in blog.server.home) in a directory of its own, with this WAR and these FERRO_
     * variables (none of the caller's), on 127.0.0.1:port (HTTPS, where the server has it, on blog.https.port plus the
     * same distance from blog.port); returns once the blog answers.
     */
    static Running start(Path war, Path runDirectory, int port, Map<String, String> ferro) {
        String server = property("blog.server");
        Path home = Path.of(property("blog.server.home"));
        try {
            deleteTree(runDirectory);
            Files.createDirectories(runDirectory);
            ProcessBuilder builder = switch (server) {
                case "wildfly" -> wildfly(home, runDirectory, war, port);
                case "liberty" -> liberty(home, runDirectory, war, port);
                default -> throw new IllegalStateException("blog.server must be wildfly or liberty, not " + server);
            };
            Map<String, String> environment = builder.environment();
            environment.keySet().removeIf(name -> name.startsWith("FERRO_"));
            environment.putAll(ferro);
            Path log = runDirectory.resolve("console.log");
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
            Process process = builder.start();
            Path deployed = server.equals("wildfly") ? runDirectory.resolve("standalone/deployments/blog.war")
                    : runDirectory.resolve("usr/servers/blog/dropins/blog.war");
            Running running = new Running(process, URI.create("http://127.0.0.1:" + port + "/blog/"), deployed, log,
                    server.equals("wildfly") ? WILDFLY_REDEPLOYED : LIBERTY_REDEPLOYED);
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop));
            running.awaitReady(log);
            return running;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + server, e);
        }
    }

    /** WildFly with its standalone directory copied for this run; port offset from 8080, HTTPS off (blog.server.config). */
    private static ProcessBuilder wildfly(Path home, Path runDirectory, Path war, int port) throws IOException {
        Path standalone = runDirectory.resolve("standalone");
        copyTree(home.resolve("standalone/configuration"), standalone.resolve("configuration"));
        Files.createDirectories(standalone.resolve("deployments"));
        Files.copy(war, standalone.resolve("deployments/blog.war"), StandardCopyOption.REPLACE_EXISTING);
        return new ProcessBuilder(home.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + standalone,
                "-Djboss.socket.binding.port-offset=" + (port - 8080),
                "-Djboss.bind.address=127.0.0.1",
                "-Djboss.bind.address.management=127.0.0.1",
                "--yaml=" + property("blog.server.config"));
    }

    /** Open Liberty with a user directory of this run's: the server blog (blog.server.config), the WAR in dropins. */
    private static ProcessBuilder liberty(Path home, Path runDirectory, Path war, int port) throws IOException {
        Path serverDirectory = runDirectory.resolve("usr/servers/blog");
        copyTree(Path.of(property("blog.server.config")), serverDirectory);
        Files.createDirectories(serverDirectory.resolve("dropins"));
        Files.copy(war, serverDirectory.resolve("dropins/blog.war"), StandardCopyOption.REPLACE_EXISTING);
        Properties ports = new Properties();
        ports.setProperty("http.port", String.valueOf(port));
        ports.setProperty("https.port", String.valueOf(Integer.parseInt(property("blog.https.port")) + port
                - Integer.parseInt(property("blog.port"))));
        try (var out = Files.newBufferedWriter(serverDirectory.resolve("bootstrap.properties"))) {
            ports.store(out, "Ports of the integration tests");
        }
        // The tests' copy polls dropins, so that a WAR put there in place of the first is deployed anew (UpgradeIT).
        Files.createDirectories(serverDirectory.resolve("configDropins/overrides"));
        Files.writeString(serverDirectory.resolve("configDropins/overrides/redeploy.xml"),
                "<server><applicationMonitor updateTrigger=\"polled\" pollingRate=\"500ms\"/></server>\n");
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/server").toString(), "run", "blog");
        builder.environment().put("WLP_USER_DIR", runDirectory.resolve("usr").toString());
        return builder;
    }

    /**
     * A PostgreSQL database of this name made anew beside blog.postgresql.url's, so that every run starts from an empty
     * one and can expect exact ids (and Flyway, which starts only on an empty schema or its own, finds one); its URL.
     */
    static String emptyPostgresDatabase(String name) {
        String url = property("blog.postgresql.url");
        String username = property("blog.postgresql.username");
        try (Connection connection = DriverManager.getConnection(url, username, "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach PostgreSQL at " + url + " as " + username
                    + " (-Dferro.examples.postgresql.url=..., or -Dferro.examples.postgresql.skip=true)", e);
        }
        return url.substring(0, url.lastIndexOf('/') + 1) + name;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path copy = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            List<Path> all = new ArrayList<>(paths.toList());
            java.util.Collections.reverse(all);
            for (Path path : all) {
                Files.delete(path);
            }
        }
    }

    /** A started server; closing it (JUnit does, at the end of the run) stops it. */
    static final class Running implements AutoCloseable {
        private final Process process;
        final URI base;
        private final Path deployed;
        private final Path log;
        private final Pattern redeployed;

        Running(Process process, URI base, Path deployed, Path log, Pattern redeployed) {
            this.process = process;
            this.base = base;
            this.deployed = deployed;
            this.log = log;
            this.redeployed = redeployed;
        }

        /**
         * Replaces the deployed WAR in the running server, as a user drops a new release into its deployments
         * directory (WildFly's scanner, Liberty's polled dropins): the old application is stopped and the new one
         * started in the same server; returns once the server says so and the blog answers.
         */
        void redeploy(Path war) {
            try {
                long before = Files.readAllLines(log).size();
                Path next = deployed.getParent().resolveSibling("blog.war.next"); // beside the directory the server watches
                Files.copy(war, next, StandardCopyOption.REPLACE_EXISTING);
                Files.move(next, deployed, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
                while (System.nanoTime() < deadline) {
                    List<String> lines = Files.readAllLines(log);
                    String said = lines.stream().skip(before).filter(line -> redeployed.matcher(line).find()).findFirst().orElse(null);
                    if (said != null) {
                        if (!said.contains("WFLYSRV0016") && !said.contains("CWWKZ0003I")) {
                            throw new IllegalStateException("The new WAR failed to deploy: " + said + "; see " + log);
                        }
                        awaitReady(log);
                        return;
                    }
                    sleep();
                }
                throw new IllegalStateException("The new WAR was not deployed within " + START_TIMEOUT + "; see " + log);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot redeploy " + war, e);
            }
        }

        /** Until the blog answers: the server is up and the WAR deployed. */
        void awaitReady(Path log) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest probe = HttpRequest.newBuilder(base.resolve("users?limit=1")).timeout(Duration.ofSeconds(10)).build();
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The server stopped while starting (exit " + process.exitValue() + "); see " + log);
                }
                try {
                    if (client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // Not listening yet.
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                sleep();
            }
            stop();
            throw new IllegalStateException("The blog did not answer on " + base + " within " + START_TIMEOUT + "; see " + log);
        }

        private static void sleep() {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** SIGTERM to the server's JVM and to its start script (a clean shutdown), SIGKILL after 60 s. */
        synchronized void stop() {
            List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
            all.add(process.toHandle());
            all.forEach(ProcessHandle::destroy);
            for (ProcessHandle handle : all) {
                try {
                    handle.onExit().get(60, TimeUnit.SECONDS);
                } catch (Exception stillRunning) {
                    handle.destroyForcibly();
                }
            }
        }

        @Override
        public void close() {
            stop();
        }
    }
}
