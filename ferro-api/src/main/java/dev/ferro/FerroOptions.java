package dev.ferro;

import jakarta.validation.ValidatorFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How {@link Ferro#connect} connects: credentials, pool, schema step, models, listeners.
 * Immutable; each {@code with...}-style method returns a copy.
 *
 * <pre>{@code
 * FerroOptions.defaults().user("app").password("secret").schema(SchemaMode.CREATE).maxPoolSize(20)
 * }</pre>
 */
public final class FerroOptions {
    private final String user;
    private final String password;
    private final int minPoolSize;
    private final int maxPoolSize;
    private final Duration acquisitionTimeout;
    private final SchemaMode schema;
    private final List<Class<?>> models;
    private final List<SqlListener> listeners;
    private final ValidatorFactory validatorFactory;

    private FerroOptions(String user, String password, int minPoolSize, int maxPoolSize, Duration acquisitionTimeout,
                         SchemaMode schema, List<Class<?>> models, List<SqlListener> listeners,
                         ValidatorFactory validatorFactory) {
        if (minPoolSize < 0 || maxPoolSize < 1 || minPoolSize > maxPoolSize) {
            throw new IllegalArgumentException("Pool sizes need 0 <= min <= max and max >= 1, got min "
                    + minPoolSize + ", max " + maxPoolSize);
        }
        this.user = user;
        this.password = password;
        this.minPoolSize = minPoolSize;
        this.maxPoolSize = maxPoolSize;
        if (Objects.requireNonNull(acquisitionTimeout, "acquisitionTimeout").isNegative()) {
            throw new IllegalArgumentException("The acquisition timeout must not be negative, got " + acquisitionTimeout);
        }
        this.acquisitionTimeout = acquisitionTimeout;
        this.schema = Objects.requireNonNull(schema, "schema");
        this.models = List.copyOf(models);
        this.listeners = List.copyOf(listeners);
        this.validatorFactory = validatorFactory;
    }

    /** No credentials, a pool of 0..10 connections, 30 s to acquire one, no schema step. */
    public static FerroOptions defaults() {
        return new FerroOptions(null, null, 0, 10, Duration.ofSeconds(30), SchemaMode.NONE, List.of(), List.of(), null);
    }

    /** The defaults with {@link SchemaMode#CREATE}: missing tables are created at start. */
    public static FerroOptions autoMigrate() {
        return defaults().schema(SchemaMode.CREATE);
    }

    public FerroOptions user(String user) {
        return new FerroOptions(user, password, minPoolSize, maxPoolSize, acquisitionTimeout, schema, models, listeners, validatorFactory);
    }

    public FerroOptions password(String password) {
        return new FerroOptions(user, password, minPoolSize, maxPoolSize, acquisitionTimeout, schema, models, listeners, validatorFactory);
    }

    public FerroOptions minPoolSize(int size) {
        return new FerroOptions(user, password, size, maxPoolSize, acquisitionTimeout, schema, models, listeners, validatorFactory);
    }

    public FerroOptions maxPoolSize(int size) {
        return new FerroOptions(user, password, minPoolSize, size, acquisitionTimeout, schema, models, listeners, validatorFactory);
    }

    public FerroOptions acquisitionTimeout(Duration timeout) {
        return new FerroOptions(user, password, minPoolSize, maxPoolSize, timeout, schema, models, listeners, validatorFactory);
    }

    public FerroOptions schema(SchemaMode mode) {
        return new FerroOptions(user, password, minPoolSize, maxPoolSize, acquisitionTimeout, mode, models, listeners, validatorFactory);
    }

    /**
     * The models of this database, read and checked at connect and used by the schema step. When
     * none are given, the models listed in the compile-time index ({@code META-INF/ferro/models}) are used.
     */
    public FerroOptions models(Class<?>... more) {
        List<Class<?>> all = new ArrayList<>(models);
        all.addAll(Arrays.asList(more));
        return new FerroOptions(user, password, minPoolSize, maxPoolSize, acquisitionTimeout, schema, all, listeners, validatorFactory);
    }

    public FerroOptions listener(SqlListener listener) {
        List<SqlListener> all = new ArrayList<>(listeners);
        all.add(Objects.requireNonNull(listener, "listener"));
        return new FerroOptions(user, password, minPoolSize, maxPoolSize, acquisitionTimeout, schema, models, all, validatorFactory);
    }

    /** The Bean Validation factory to validate with; by default the environment's default provider. */
    public FerroOptions validatorFactory(ValidatorFactory factory) {
        return new FerroOptions(user, password, minPoolSize, maxPoolSize, acquisitionTimeout, schema, models, listeners, factory);
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public int minPoolSize() {
        return minPoolSize;
    }

    public int maxPoolSize() {
        return maxPoolSize;
    }

    public Duration acquisitionTimeout() {
        return acquisitionTimeout;
    }

    public SchemaMode schema() {
        return schema;
    }

    public List<Class<?>> models() {
        return models;
    }

    public List<SqlListener> listeners() {
        return listeners;
    }

    public ValidatorFactory validatorFactory() {
        return validatorFactory;
    }

    @Override
    public String toString() {
        // The password stays out of logs and error messages.
        return "FerroOptions[user=" + user + ", pool=" + minPoolSize + ".." + maxPoolSize
                + ", acquisitionTimeout=" + acquisitionTimeout + ", schema=" + schema + ", models=" + models.size() + "]";
    }
}
