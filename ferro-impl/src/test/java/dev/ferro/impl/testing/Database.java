package dev.ferro.impl.testing;

import dev.ferro.Ferro;
import dev.ferro.FerroOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The four databases every ORM test runs on, and the extra ones some test classes add ({@link AlsoOn}). H2 and SQLite are embedded; PostgreSQL and MariaDB are
 * the machine's servers (override with FERRO_TEST_PG_URL / FERRO_TEST_MARIADB_URL).
 */
public enum Database {
    H2("jdbc:h2:mem:ferro_test", null, null),
    SQLITE(null, null, null),
    POSTGRESQL(env("FERRO_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test"), env("FERRO_TEST_PG_USER", "postgres"),
            env("FERRO_TEST_PG_PASSWORD", "")),
    MARIADB(env("FERRO_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test"), env("FERRO_TEST_MARIADB_USER", "root"),
            env("FERRO_TEST_MARIADB_PASSWORD", "")),
    /**
     * Not one of the four: H2 in SQL Server mode, spoken to by the test-sources dialect
     * {@code OffsetFetchDialect}, for the tests that name it with {@link AlsoOn} (the query tests).
     */
    H2_OFFSET_FETCH("jdbc:h2:mem:ferro_offset_fetch;MODE=MSSQLServer", null, null);

    /** The databases only {@link AlsoOn} adds. */
    static final java.util.Set<Database> EXTRA = java.util.EnumSet.of(H2_OFFSET_FETCH);

    private static final Map<Database, String> UNAVAILABLE = new ConcurrentHashMap<>();
    private static final Map<Database, Boolean> CHECKED = new ConcurrentHashMap<>();
    private static volatile Path sqliteFile;

    private final String url;
    private final String user;
    private final String password;

    Database(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public String url() {
        return this == SQLITE ? "jdbc:sqlite:" + sqliteFile() : url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The options every test starts from: credentials, and a pool big enough for the concurrency tests. */
    public FerroOptions options() {
        FerroOptions options = FerroOptions.defaults().maxPoolSize(25);
        if (user != null) {
            options = options.user(user).password(password);
        }
        return options;
    }

    public Ferro connect(FerroOptions options) {
        return Ferro.connect(url(), options);
    }

    /**
     * Why this database cannot be reached, or null when it can. Checked once per run.
     */
    public String unavailableReason() {
        CHECKED.computeIfAbsent(this, db -> {
            try (Connection ignored = DriverManager.getConnection(db.url(), db.user, db.password)) {
                return true;
            } catch (SQLException e) {
                UNAVAILABLE.put(db, name() + " is not reachable at " + db.url() + ": " + e.getMessage());
                return false;
            }
        });
        return UNAVAILABLE.get(this);
    }

    /** Whether only {@link AlsoOn} runs tests here. */
    public boolean extra() {
        return EXTRA.contains(this);
    }

    public boolean isServer() {
        return this == POSTGRESQL || this == MARIADB;
    }

    private static synchronized Path sqliteFile() {
        if (sqliteFile == null) {
            try {
                Path dir = Files.createTempDirectory("ferro-sqlite");
                sqliteFile = dir.resolve("test.db");
                dir.toFile().deleteOnExit();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return sqliteFile;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
