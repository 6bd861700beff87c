package dev.ferro.bench;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The databases every workload runs on, and the one pool every library gets: Agroal, {@value #POOL_SIZE}
 * connections, opened up front, autocommit on.
 */
public enum BenchDatabase {
    /** In memory, in the benchmark's JVM: where a library's own overhead shows most. */
    H2,
    /** The machine's server: {@code FERRO_BENCH_PG_URL}, else {@code FERRO_TEST_PG_URL}, else database {@code test} on 127.0.0.1. */
    POSTGRESQL;

    public static final int POOL_SIZE = 10;

    private static final AtomicInteger H2_DATABASES = new AtomicInteger();

    public static BenchDatabase of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String user() {
        return this == POSTGRESQL ? env("FERRO_BENCH_PG_USER", env("FERRO_TEST_PG_USER", "postgres")) : null;
    }

    public String password() {
        return this == POSTGRESQL ? env("FERRO_BENCH_PG_PASSWORD", env("FERRO_TEST_PG_PASSWORD", "")) : null;
    }

    /**
     * The JDBC URL. Each H2 URL names a new in-memory database, so two pools in one JVM (the smoke
     * test) never share rows. {@code DATABASE_TO_LOWER} lets every library name Ferro's lower-case
     * tables, quoted or not.
     */
    public String url() {
        if (this == H2) {
            return "jdbc:h2:mem:bench" + H2_DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE";
        }
        return env("FERRO_BENCH_PG_URL", env("FERRO_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test"));
    }

    /** Why this database cannot be used here, or null when it can. */
    public String unavailableReason() {
        if (this == H2) {
            return null;
        }
        String url = url();
        try (Connection connection = DriverManager.getConnection(url, user(), password())) {
            return connection.isValid(5) ? null : "PostgreSQL at " + url + " does not answer";
        } catch (SQLException e) {
            return "PostgreSQL is not reachable at " + url + ": " + e.getMessage();
        }
    }

    /** A new pool on a database of this kind (a fresh one for H2). */
    public AgroalDataSource openPool() {
        String url = url();
        Class<?> driver = this == H2 ? org.h2.Driver.class : org.postgresql.Driver.class;
        AgroalDataSourceConfigurationSupplier configuration = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool
                        .initialSize(POOL_SIZE)
                        .minSize(POOL_SIZE)
                        .maxSize(POOL_SIZE)
                        .acquisitionTimeout(Duration.ofSeconds(60))
                        .connectionFactoryConfiguration(factory -> {
                            factory.jdbcUrl(url).connectionProviderClass(driver).autoCommit(true);
                            if (user() != null) {
                                factory.principal(new NamePrincipal(user())).credential(new SimplePassword(password()));
                            }
                            return factory;
                        }));
        try {
            return AgroalDataSource.from(configuration);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open a pool on " + url + ": " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
