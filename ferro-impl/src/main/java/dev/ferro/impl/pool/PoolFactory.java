package dev.ferro.impl.pool;

import dev.ferro.FerroException;
import dev.ferro.FerroOptions;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionFactoryConfiguration.TransactionIsolation;
import io.agroal.api.configuration.supplier.AgroalConnectionFactoryConfigurationSupplier;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;

import java.sql.SQLException;
import java.util.Locale;

/**
 * Builds Ferro's own Agroal pool from a JDBC URL and the options, with the per-database settings
 * that make the four databases behave alike:
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

    public static AgroalDataSource create(String url, FerroOptions options) {
        String lower = url.toLowerCase(Locale.ROOT);
        String jdbcUrl = lower.startsWith("jdbc:h2:") ? h2Url(url) : url;
        int min = options.minPoolSize();
        int max = options.maxPoolSize();
        boolean sqliteMemory = lower.startsWith("jdbc:sqlite:") && (lower.contains(":memory:") || lower.equals("jdbc:sqlite:"));
        if (sqliteMemory) {
            min = 1;
            max = 1;
        }
        Class<?> driver = driver(lower);
        int minSize = min;
        int maxSize = max;
        AgroalDataSourceConfigurationSupplier configuration = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool
                        .minSize(minSize)
                        .initialSize(minSize)
                        .maxSize(maxSize)
                        .acquisitionTimeout(options.acquisitionTimeout())
                        .connectionFactoryConfiguration(factory -> configure(factory, jdbcUrl, lower, driver, options)));
        try {
            return AgroalDataSource.from(configuration);
        } catch (SQLException e) {
            throw new FerroException("Cannot create the connection pool for " + redact(url) + ": " + e.getMessage(), e);
        }
    }

    private static AgroalConnectionFactoryConfigurationSupplier configure(AgroalConnectionFactoryConfigurationSupplier factory,
                                                                          String url, String lower, Class<?> driver,
                                                                          FerroOptions options) {
        factory.jdbcUrl(url).connectionProviderClass(driver).autoCommit(true);
        if (options.user() != null) {
            factory.principal(new NamePrincipal(options.user()));
        }
        if (options.password() != null) {
            factory.credential(new SimplePassword(options.password()));
        }
        if (lower.startsWith("jdbc:mariadb:") || lower.startsWith("jdbc:mysql:")) {
            factory.jdbcTransactionIsolation(TransactionIsolation.READ_COMMITTED);
        }
        if (lower.startsWith("jdbc:sqlite:")) {
            factory.jdbcProperty("foreign_keys", "true")
                    .jdbcProperty("busy_timeout", "30000")
                    .jdbcProperty("transaction_mode", "IMMEDIATE");
            if (!lower.contains(":memory:")) {
                factory.jdbcProperty("journal_mode", "WAL");
            }
        }
        return factory;
    }

    private static String h2Url(String url) {
        String upper = url.toUpperCase(Locale.ROOT);
        StringBuilder adjusted = new StringBuilder(url);
        if (upper.startsWith("JDBC:H2:MEM:") && !upper.contains("DB_CLOSE_DELAY")) {
            adjusted.append(";DB_CLOSE_DELAY=-1");
        }
        if (!upper.contains("DATABASE_TO_LOWER") && !upper.contains("DATABASE_TO_UPPER")) {
            adjusted.append(";DATABASE_TO_LOWER=TRUE");
        }
        return adjusted.toString();
    }

    private static Class<?> driver(String lowerUrl) {
        String[] candidates;
        if (lowerUrl.startsWith("jdbc:h2:")) {
            candidates = new String[] {"org.h2.Driver", "com.h2database:h2"};
        } else if (lowerUrl.startsWith("jdbc:postgresql:")) {
            candidates = new String[] {"org.postgresql.Driver", "org.postgresql:postgresql"};
        } else if (lowerUrl.startsWith("jdbc:mariadb:")) {
            candidates = new String[] {"org.mariadb.jdbc.Driver", "org.mariadb.jdbc:mariadb-java-client"};
        } else if (lowerUrl.startsWith("jdbc:mysql:")) {
            candidates = new String[] {"com.mysql.cj.jdbc.Driver", "com.mysql:mysql-connector-j"};
        } else if (lowerUrl.startsWith("jdbc:sqlite:")) {
            candidates = new String[] {"org.sqlite.JDBC", "org.xerial:sqlite-jdbc"};
        } else {
            throw new IllegalStateException("No driver for " + lowerUrl);
        }
        String className = candidates[0];
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
        throw new FerroException("The JDBC driver " + className + " is not on the class path: add " + candidates[1]);
    }

    /** A URL for messages, without a password given in it. */
    public static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^:/@]+):[^@/]*@", "//$1:***@");
    }
}
