package dev.ferro.cdi;

import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.util.TypeLiteral;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A Weld SE container with Ferro's extension, started under a given MicroProfile Config (as system
 * properties, which SmallRye reads when the config is built) and stopped with the config released
 * and the properties cleared, so that no test sees another's configuration.
 *
 * <p>The weld-junit5 tests (@EnableWeld) run on the default configuration; the tests that need
 * their own configuration, or a start that fails, use this class.
 */
final class FerroContainer implements AutoCloseable {
    private static final AtomicInteger IDS = new AtomicInteger();

    private final WeldContainer weld;
    private final Map<String, String> config;

    private FerroContainer(WeldContainer weld, Map<String, String> config) {
        this.weld = weld;
        this.config = config;
    }

    /** Starts a container whose config is {@code config}; {@code beans} are added as bean classes. */
    static FerroContainer start(Map<String, String> config, Class<?>... beans) {
        configure(config);
        try {
            return new FerroContainer(weld(beans).initialize(), config);
        } catch (RuntimeException | Error e) {
            unconfigure(config);
            throw e;
        }
    }

    /** The exception that fails the start of a container with this config and these beans. */
    static RuntimeException startFailure(Map<String, String> config, Class<?>... beans) {
        FerroContainer started;
        try {
            started = start(config, beans);
        } catch (RuntimeException e) {
            return e;
        }
        started.close();
        throw new AssertionError("The container started with " + config);
    }

    private static Weld weld(Class<?>... beans) {
        return new Weld("ferro-cdi-test-" + IDS.incrementAndGet())
                .disableDiscovery()
                .property(Weld.SHUTDOWN_HOOK_SYSTEM_PROPERTY, false)
                .addExtensions(new FerroExtension())
                .addBeanClasses(beans);
    }

    private static void configure(Map<String, String> config) {
        releaseConfig();
        config.forEach(System::setProperty);
    }

    private static void unconfigure(Map<String, String> config) {
        config.keySet().forEach(System::clearProperty);
        releaseConfig();
    }

    /** SmallRye keeps the config of a class loader once built: drop it so the next start reads the properties again. */
    private static void releaseConfig() {
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
    }

    <T> T get(Class<T> type) {
        return weld.select(type).get();
    }

    <T> T get(TypeLiteral<T> type) {
        return weld.select(type).get();
    }

    /** Runs {@code work} in a request of its own, on the calling thread. */
    <T> T inRequest(Supplier<T> work) {
        RequestContextController request = get(RequestContextController.class);
        if (!request.activate()) {
            throw new IllegalStateException("A request is already active on this thread");
        }
        try {
            return work.get();
        } finally {
            request.deactivate();
        }
    }

    void inRequest(Runnable work) {
        inRequest(() -> {
            work.run();
            return null;
        });
    }

    @Override
    public void close() {
        try {
            weld.shutdown();
        } finally {
            unconfigure(config);
        }
    }

    /** A fresh in-memory H2 database's URL, as a user would write it in ferro.url. */
    static String freshH2() {
        return "jdbc:h2:mem:cdi_" + UUID.randomUUID().toString().replace("-", "");
    }

    /**
     * A raw JDBC connection to the H2 database of {@code url}, with the settings Ferro's pool adds
     * (kept alive while the JVM runs, lower-case identifiers).
     */
    static Connection rawH2(String url) throws SQLException {
        return DriverManager.getConnection(url + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE");
    }

    /** Every message of {@code failure}'s cause chain and suppressed exceptions, one per line. */
    static String messages(Throwable failure) {
        List<String> lines = new ArrayList<>();
        collect(failure, lines, 0);
        return String.join("\n", lines);
    }

    private static void collect(Throwable failure, List<String> lines, int depth) {
        if (failure == null || depth > 20) {
            return;
        }
        lines.add(failure.getClass().getName() + ": " + failure.getMessage());
        for (Throwable suppressed : failure.getSuppressed()) {
            collect(suppressed, lines, depth + 1);
        }
        collect(failure.getCause(), lines, depth + 1);
    }

    /** The first exception of type {@code type} in the cause chain of {@code failure}, or null. */
    static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
