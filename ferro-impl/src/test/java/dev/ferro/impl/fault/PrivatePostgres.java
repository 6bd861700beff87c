package dev.ferro.impl.fault;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own, to restart, kill and stop at will: {@code initdb} into a
 * temporary directory owned by the {@code postgres} OS user, a free port, 127.0.0.1 only, trust
 * authentication. The shared server on 5432 is never touched: the port, the listen address and the
 * socket directory are written into the instance's own postgresql.conf, so that no start (a restart,
 * a start after a kill) can fall back to the defaults.
 *
 * <p>Every external command runs with a timeout. {@link #close()} (also run from a JVM shutdown
 * hook, for a test run that is killed) resumes, stops and deletes the instance.
 */
final class PrivatePostgres implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PrivatePostgres.class.getName());
    private static final Path INSTALLATIONS = Path.of("/usr/lib/postgresql");
    private static final long COMMAND_TIMEOUT_SECONDS = 30;

    private final Path bin;
    private final Path root;
    private final Path data;
    private final Path logFile;
    private final int port;
    private final Thread shutdownHook = new Thread(this::closeQuietly, "private-postgres-cleanup");
    private volatile boolean closed;

    private PrivatePostgres(Path bin, Path root, int port) {
        this.bin = bin;
        this.root = root;
        this.data = root.resolve("data");
        this.logFile = root.resolve("server.log");
        this.port = port;
    }

    /**
     * Why a private instance cannot be made here, or null when it can: the server binaries, runuser,
     * the postgres OS user and root (to act as that user) are needed.
     */
    static String unavailableReason() {
        if (findBin() == null) {
            return "no PostgreSQL server binaries (initdb, pg_ctl) under " + INSTALLATIONS;
        }
        if (!Files.isExecutable(Path.of("/usr/sbin/runuser")) && !Files.isExecutable(Path.of("/sbin/runuser"))) {
            return "runuser is not installed";
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return "the tests must run as root to run the private PostgreSQL as the postgres user, not as "
                    + System.getProperty("user.name");
        }
        try {
            if (run(List.of("id", "-u", "postgres"), 5).exitCode() != 0) {
                return "there is no postgres OS user";
            }
        } catch (IOException e) {
            return "cannot run id: " + e.getMessage();
        }
        return null;
    }

    /** Fails the test in CI, where every prerequisite is required, and aborts (skips) it elsewhere. */
    static void requireAvailable() {
        String reason = unavailableReason();
        if (reason != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("CI requires a private PostgreSQL instance: " + reason);
            }
            Assumptions.abort("No private PostgreSQL instance: " + reason);
        }
    }

    /** Creates and starts a new instance; the caller closes it. */
    static PrivatePostgres start() throws IOException {
        Path bin = findBin();
        if (bin == null) {
            throw new IllegalStateException("No PostgreSQL binaries under " + INSTALLATIONS);
        }
        Path root = Files.createTempDirectory("ferro-fault-pg");
        PrivatePostgres server = new PrivatePostgres(bin, root, freePort());
        Runtime.getRuntime().addShutdownHook(server.shutdownHook);
        try {
            server.initialize();
            server.startServer();
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    int port() {
        return port;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    private void initialize() throws IOException {
        checked(List.of("chown", "postgres:postgres", root.toString()));
        checked(asPostgres(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust",
                "-E", "UTF8", "--no-sync"));
        // Appended last, so they win over initdb's defaults. fsync off: a crash of this throwaway
        // server may lose data, but the tests kill the postmaster only, never the machine, and the
        // operating system still writes what the server wrote.
        String settings = "\n# ferro fault tests\n"
                + "port = " + port + "\n"
                + "listen_addresses = '127.0.0.1'\n"
                + "unix_socket_directories = '" + root + "'\n"
                + "fsync = off\n"
                + "max_connections = 50\n"
                + "logging_collector = off\n";
        Files.writeString(data.resolve("postgresql.conf"), settings, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private void startServer() throws IOException {
        checked(asPostgres(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", logFile.toString(),
                "-w", "-t", "20", "start"));
    }

    /** {@code pg_ctl restart -m fast}: open connections are terminated, the server is back when this returns. */
    void restartFast() throws IOException {
        checked(asPostgres(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", logFile.toString(),
                "-w", "-t", "20", "-m", "fast", "restart"));
    }

    /**
     * Kills the postmaster with SIGKILL, waits for its children to die of its death, and starts the
     * server again (crash recovery); the server accepts connections when this returns.
     */
    void killAndStart() throws IOException, InterruptedException {
        long postmaster = postmasterPid();
        List<Long> children = childrenOf(postmaster);
        checked(List.of("kill", "-KILL", Long.toString(postmaster)));
        // The children notice the postmaster's death and exit; a new postmaster refuses to start
        // while any of them still holds the old shared memory.
        List<Long> all = new ArrayList<>(children);
        all.add(postmaster);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (all.stream().anyMatch(PrivatePostgres::alive)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The killed postmaster's processes are still alive after 10 s: " + all);
            }
            Thread.sleep(10);
        }
        // The killed postmaster stays a zombie until PID 1 reaps it, which can take seconds here: the
        // lock files' PID then still "exists", and postgres refuses to start. No process of the
        // instance is alive any more, so the lock files (of the data directory and of the socket) are stale.
        Files.deleteIfExists(data.resolve("postmaster.pid"));
        Files.deleteIfExists(root.resolve(".s.PGSQL." + port + ".lock"));
        Files.deleteIfExists(root.resolve(".s.PGSQL." + port));
        startServer();
    }

    /** Terminates every client backend with {@code pg_terminate_backend}, from a plain JDBC connection. */
    int terminateEveryBackend() throws SQLException {
        try (Connection connection = connect(5); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity "
                     + "WHERE pid <> pg_backend_pid() AND backend_type = 'client backend'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** SIGSTOP to the postmaster and every child: the server hangs, its sockets stay open. */
    void suspend() throws IOException {
        signalEveryProcess("STOP");
    }

    /** SIGCONT to the postmaster and every child. */
    void resume() throws IOException {
        signalEveryProcess("CONT");
    }

    private void signalEveryProcess(String signal) throws IOException {
        long postmaster = postmasterPid();
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal, Long.toString(postmaster)));
        for (long child : childrenOf(postmaster)) {
            command.add(Long.toString(child));
        }
        checked(command);
    }

    /** A plain JDBC connection to the instance, bypassing Ferro. */
    Connection connect(int timeoutSeconds) throws SQLException {
        return DriverManager.getConnection(jdbcUrl() + "?connectTimeout=" + timeoutSeconds + "&loginTimeout=" + timeoutSeconds
                + "&socketTimeout=" + (timeoutSeconds + 5), "postgres", "");
    }

    /**
     * Polls with plain JDBC connections until one succeeds, and returns when it did (System.nanoTime()).
     *
     * @throws IllegalStateException when none does within the timeout
     */
    long awaitAcceptingConnections(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            try (Connection connection = connect(1); Statement statement = connection.createStatement()) {
                statement.execute("SELECT 1");
                return System.nanoTime();
            } catch (SQLException e) {
                last = e;
                Thread.sleep(10);
            }
        }
        throw new IllegalStateException("The private PostgreSQL did not accept connections within " + timeoutMillis + " ms", last);
    }

    long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
    }

    private static List<Long> childrenOf(long pid) throws IOException {
        Result result = run(List.of("ps", "--ppid", Long.toString(pid), "-o", "pid="), 10);
        List<Long> children = new ArrayList<>();
        for (String line : result.output().split("\n")) {
            if (!line.isBlank()) {
                children.add(Long.parseLong(line.trim()));
            }
        }
        return children;
    }

    /** Alive and not a zombie (a dead process not yet reaped by its parent). */
    private static boolean alive(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // The state follows the command name in parentheses, which may itself contain spaces.
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                try {
                    resume();
                } catch (IOException | RuntimeException e) {
                    LOG.fine(() -> "Could not resume the private PostgreSQL before stopping it: " + e);
                }
                Result stop = run(asPostgres(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "20",
                        "-m", "immediate", "stop"), COMMAND_TIMEOUT_SECONDS);
                if (stop.exitCode() != 0) {
                    LOG.warning(() -> "pg_ctl stop failed: " + stop.output());
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warning(() -> "Could not stop the private PostgreSQL at " + data + ": " + e);
        } finally {
            deleteRecursively(root);
            if (Thread.currentThread() != shutdownHook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException e) {
                    // The JVM is shutting down already.
                }
            }
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            // A shutdown hook has nobody to report to.
        }
    }

    /** The server's log, for a failure message. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warning(() -> "Could not delete " + path + ": " + e);
        }
    }

    private static Path findBin() {
        if (!Files.isDirectory(INSTALLATIONS)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(INSTALLATIONS)) {
            // The newest version, by number (a "9.6" sorts below a "15").
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparingDouble(b -> version(b.getParent().getFileName().toString())))
                    .orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double version(String name) {
        try {
            return Double.parseDouble(name);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static List<String> asPostgres(String... command) {
        List<String> all = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        all.addAll(List.of(command));
        return all;
    }

    private record Result(int exitCode, String output) {
    }

    private static void checked(List<String> command) throws IOException {
        Result result = run(command, COMMAND_TIMEOUT_SECONDS);
        if (result.exitCode() != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + result.exitCode() + ": " + result.output());
        }
    }

    /** Runs a command to its end, or kills it after the timeout (exit code -1). */
    private static Result run(List<String> command, long timeoutSeconds) throws IOException {
        Path output = Files.createTempFile("ferro-fault-cmd", ".out");
        try {
            // Into a file, not a pipe: pg_ctl's server inherits the output, and a pipe would stay open
            // (and a reader blocked) for as long as the server runs.
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            boolean finished;
            try {
                finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                finished = false;
            }
            if (!finished) {
                process.destroyForcibly();
                return new Result(-1, "timed out after " + timeoutSeconds + " s: " + Files.readString(output));
            }
            return new Result(process.exitValue(), Files.readString(output));
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
