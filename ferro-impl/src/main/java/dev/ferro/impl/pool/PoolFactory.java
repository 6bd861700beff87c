package dev.ferro.impl.pool;

import dev.ferro.FerroException;
import dev.ferro.FerroOptions;
import dev.ferro.PoolExhaustedException;
import dev.ferro.impl.sql.Dialect;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.AgroalDataSourceListener;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration.ConnectionValidator;
import io.agroal.api.configuration.AgroalConnectionFactoryConfiguration.TransactionIsolation;
import io.agroal.api.configuration.supplier.AgroalConnectionFactoryConfigurationSupplier;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Builds Ferro's own Agroal pool from a JDBC URL and the options. The pool recovers from a database
 * restart: a connection that raised a connection error (the dialect's reading, SQLState class 08 and
 * PostgreSQL's 57P0x among them) is destroyed rather than reused; one idle for over a second is
 * validated before it is handed out, and idle ones in the background every validation interval;
 * each is replaced after its max lifetime; and one held past the leak timeout is logged.
 * Connecting has a timeout on the servers, and TCP keepalive.
 *
 * <p>The per-database settings make the four databases behave alike:
 * <ul>
 * <li>H2: {@code DB_CLOSE_DELAY=-1} keeps an in-memory database while the pool is idle, and
 *     {@code DATABASE_TO_LOWER=TRUE} lets raw SQL name Ferro's lower-case tables without quotes;</li>
 * <li>MariaDB/MySQL: READ COMMITTED, as PostgreSQL and H2 default to;</li>
 * <li>SQLite: foreign keys on, a 30 s busy timeout, WAL, and {@code BEGIN IMMEDIATE} transactions so
 *     that concurrent writers wait instead of failing; an in-memory database gets one connection,
 *     since each SQLite connection would otherwise see its own empty database.</li>
 * </ul>
 */
public final class PoolFactory {

    private PoolFactory() {
    }

    /** How long validating a connection may take before it counts as broken. */
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;
    /** A connection idle longer than this is validated before use (HikariCP's alive-bypass window is 500 ms). */
    private static final Duration VALIDATE_AFTER_IDLE = Duration.ofSeconds(1);

    public static AgroalDataSource create(String url, FerroOptions options, Dialect dialect) {
        String lower = url.toLowerCase(Locale.ROOT);
        String jdbcUrl = dialect.poolUrl(url);
        int min = options.minPoolSize();
        int max = options.maxPoolSize();
        if (dialect.oneConnectionOnly(lower)) {
            min = 1;
            max = 1;
        }
        Class<?> driver = driver(dialect);
        int minSize = min;
        int maxSize = max;
        AgroalDataSourceConfigurationSupplier configuration = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool
                        .minSize(minSize)
                        .initialSize(minSize)
                        .maxSize(maxSize)
                        .acquisitionTimeout(options.acquisitionTimeout())
                        .connectionValidator(ConnectionValidator.defaultValidatorWithTimeout(VALIDATION_TIMEOUT_SECONDS))
                        .exceptionSorter(dialect::isConnectionLost)
                        .validateOnBorrow(false)
                        .idleValidationTimeout(min(VALIDATE_AFTER_IDLE, options.validationInterval()))
                        .validationTimeout(options.validationInterval())
                        .maxLifetime(options.maxLifetime())
                        .leakTimeout(options.leakTimeout())
                        .connectionFactoryConfiguration(factory -> configure(factory, jdbcUrl, lower, driver, dialect, options)));
        try {
            return AgroalDataSource.from(configuration, new PoolLog(dialect));
        } catch (SQLException e) {
            throw new FerroException("Cannot create the connection pool for " + redact(url) + ": " + e.getMessage(), e);
        }
    }

    private static AgroalConnectionFactoryConfigurationSupplier configure(AgroalConnectionFactoryConfigurationSupplier factory,
                                                                          String url, String lower, Class<?> driver,
                                                                          Dialect dialect, FerroOptions options) {
        factory.jdbcUrl(url).connectionProviderClass(driver).autoCommit(true);
        if (options.user() != null) {
            factory.principal(new NamePrincipal(options.user()));
        }
        if (options.password() != null) {
            factory.credential(new SimplePassword(options.password()));
        }
        dialect.connectionProperties(lower, options.connectTimeout()).forEach(factory::jdbcProperty);
        if (dialect.defaultIsolation() != -1) {
            factory.jdbcTransactionIsolation(TransactionIsolation.fromLevel(dialect.defaultIsolation()));
        }
        return factory;
    }

    /**
     * The exhaustion of an Agroal pool, as a typed exception naming its size and timeout; null for
     * any other failure to get a connection. Agroal says it only in its message.
     */
    public static FerroException exhaustion(SQLException failure, FerroOptions options) {
        return "Sorry, acquisition timeout!".equals(failure.getMessage())
                ? new PoolExhaustedException(options.maxPoolSize(), options.acquisitionTimeout(), failure)
                : null;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Agroal's warnings (a leak, a failed validation) in Ferro's log. */
    private static final class PoolLog implements AgroalDataSourceListener {
        private static final Logger LOG = Logger.getLogger(PoolFactory.class.getName());
        private final Dialect dialect;

        PoolLog(Dialect dialect) {
            this.dialect = dialect;
        }

        @Override
        public void onConnectionLeak(Connection connection, Thread thread) {
            LOG.warning(() -> "A connection has been held longer than the leak timeout (ferro.pool.leak-timeout) by thread "
                    + thread.getName() + "; a stream or a transaction left open?");
        }

        @Override
        public void onWarning(String message) {
            LOG.warning(message);
        }

        /** Resetting a connection that broke fails as expected: the pool destroys it, and that is no news after a fault. */
        @Override
        public void onWarning(Throwable throwable) {
            boolean lost = throwable instanceof SQLException failure && dialect.isConnectionLost(failure);
            LOG.log(lost ? Level.FINE : Level.WARNING, lost ? "A broken connection left the pool" : "Connection pool warning", throwable);
        }
    }

    private static Class<?> driver(Dialect dialect) {
        String className = dialect.driverClass();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        for (ClassLoader loader : new ClassLoader[] {context, PoolFactory.class.getClassLoader()}) {
            if (loader == null) {
                continue;
            }
            try {
                return Class.forName(className, true, loader);
            } catch (ClassNotFoundException e) {
                // try the next loader
            }
        }
        throw new FerroException("The JDBC driver " + className + " is not on the class path: add " + dialect.driverArtifact());
    }

    /** A URL for messages, without a password given in it. */
    public static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^:/@]+):[^@/]*@", "//$1:***@");
    }
}
