package dev.ferro;

import jakarta.validation.ValidatorFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How {@link Ferro#connect} connects: credentials, pool, timeouts, schema step, migrations, models, listeners.
 * Immutable; each setter-style method returns a copy.
 *
 * <pre>{@code
 * FerroOptions.defaults().user("app").password("secret").schema(SchemaMode.CREATE).maxPoolSize(20)
 *         .statementTimeout(Duration.ofSeconds(5))
 * }</pre>
 *
 * <p>The pool options apply to Ferro's own pool only; a DataSource given to
 * {@link Ferro#connect(javax.sql.DataSource, FerroOptions)} keeps its own settings.
 */
public final class FerroOptions {
    private String user;
    private String password;
    private int minPoolSize = 0;
    private int maxPoolSize = 10;
    private Duration acquisitionTimeout = Duration.ofSeconds(30);
    private Duration validationInterval = Duration.ofSeconds(30);
    private Duration maxLifetime = Duration.ofMinutes(30);
    private Duration leakTimeout = Duration.ofMinutes(10);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration statementTimeout;
    private int fetchSize = 1000;
    private SchemaMode schema = SchemaMode.NONE;
    private Migrations migrations = Migrations.none();
    private List<Class<?>> models = List.of();
    private List<SqlListener> listeners = List.of();
    private ValidatorFactory validatorFactory;
    private String dialect;
    private List<ColumnType<?, ?>> types = List.of();

    private FerroOptions() {
    }

    /** A copy with one change: the options stay immutable once made. */
    private FerroOptions with(Consumer<FerroOptions> change) {
        FerroOptions copy = copy();
        change.accept(copy);
        return copy;
    }

    private FerroOptions copy() {
        FerroOptions copy = new FerroOptions();
        copy.user = user;
        copy.password = password;
        copy.minPoolSize = minPoolSize;
        copy.maxPoolSize = maxPoolSize;
        copy.acquisitionTimeout = acquisitionTimeout;
        copy.validationInterval = validationInterval;
        copy.maxLifetime = maxLifetime;
        copy.leakTimeout = leakTimeout;
        copy.connectTimeout = connectTimeout;
        copy.statementTimeout = statementTimeout;
        copy.fetchSize = fetchSize;
        copy.schema = schema;
        copy.migrations = migrations;
        copy.models = models;
        copy.listeners = listeners;
        copy.validatorFactory = validatorFactory;
        copy.dialect = dialect;
        copy.types = types;
        return copy;
    }

    /**
     * No credentials; a pool of 0..10 connections, 30 s to acquire one, idle connections validated
     * every 30 s (and before use after a second idle), replaced after 30 min, a warning for one held
     * over 10 min; 10 s to connect; no statement timeout; no schema step.
     */
    public static FerroOptions defaults() {
        return new FerroOptions();
    }

    /** The defaults with {@link SchemaMode#CREATE}: missing tables are created at start. */
    public static FerroOptions autoMigrate() {
        return defaults().schema(SchemaMode.CREATE);
    }

    public FerroOptions user(String user) {
        return with(copy -> copy.user = user);
    }

    public FerroOptions password(String password) {
        return with(copy -> copy.password = password);
    }

    public FerroOptions minPoolSize(int size) {
        return poolSizes(size, maxPoolSize);
    }

    public FerroOptions maxPoolSize(int size) {
        return poolSizes(minPoolSize, size);
    }

    private FerroOptions poolSizes(int min, int max) {
        if (min < 0 || max < 1 || min > max) {
            throw new IllegalArgumentException("Pool sizes need 0 <= min <= max and max >= 1, got min " + min + ", max " + max);
        }
        return with(copy -> {
            copy.minPoolSize = min;
            copy.maxPoolSize = max;
        });
    }

    /** How long a call waits for a free connection before {@link PoolExhaustedException}; must be positive. */
    public FerroOptions acquisitionTimeout(Duration timeout) {
        return with(copy -> copy.acquisitionTimeout = positive(timeout, "acquisitionTimeout"));
    }

    /**
     * How often idle connections are validated in the background; a connection idle for more than
     * a second (or this interval, when shorter) is also validated before it is handed out, so one
     * that died while idle (a database restart) is replaced instead of failing the call.
     */
    public FerroOptions validationInterval(Duration interval) {
        return with(copy -> copy.validationInterval = positive(interval, "validationInterval"));
    }

    /** How long a connection lives before the pool replaces it (when it is idle). */
    public FerroOptions maxLifetime(Duration lifetime) {
        return with(copy -> copy.maxLifetime = positive(lifetime, "maxLifetime"));
    }

    /** After how long a connection held by one caller is logged as a probable leak, with the holder's stack. */
    public FerroOptions leakTimeout(Duration timeout) {
        return with(copy -> copy.leakTimeout = positive(timeout, "leakTimeout"));
    }

    /** How long opening a connection to a database server may take (PostgreSQL and MariaDB). */
    public FerroOptions connectTimeout(Duration timeout) {
        return with(copy -> copy.connectTimeout = positive(timeout, "connectTimeout"));
    }

    /**
     * The longest a statement (or a commit) may run: then it is cancelled, and when the database does
     * not answer the cancel within half a second more (a hung server), its connection is aborted;
     * either way the caller gets a {@link QueryTimeoutException}. {@code null}, the default, means no
     * timeout: a statement waits for the database as long as the database takes.
     */
    public FerroOptions statementTimeout(Duration timeout) {
        return with(copy -> copy.statementTimeout = timeout == null ? null : positive(timeout, "statementTimeout"));
    }

    /** How many rows a stream ({@link Query#stream()}, {@link Ferro#stream}) fetches from the database at a time. */
    public FerroOptions fetchSize(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("fetchSize must be at least 1, got " + rows);
        }
        return with(copy -> copy.fetchSize = rows);
    }

    public FerroOptions schema(SchemaMode mode) {
        return with(copy -> copy.schema = Objects.requireNonNull(mode, "schema"));
    }

    /**
     * The Flyway migrations run at connect, before the models are used; {@link Migrations#none()} unless
     * given. A schema step that creates or updates tables ({@link SchemaMode#CREATE}, {@link SchemaMode#UPDATE})
     * cannot go with them: {@code connect} refuses the two together.
     */
    public FerroOptions migrations(Migrations migrations) {
        return with(copy -> copy.migrations = Objects.requireNonNull(migrations, "migrations"));
    }

    /**
     * The models of this database, read and checked at connect and used by the schema step. When
     * none are given, the models listed in the compile-time index ({@code META-INF/ferro/models}) are used.
     */
    public FerroOptions models(Class<?>... more) {
        List<Class<?>> all = new ArrayList<>(models);
        all.addAll(Arrays.asList(more));
        return with(copy -> copy.models = List.copyOf(all));
    }

    /**
     * Value types of the application to store in columns, added to those registered as services
     * ({@code META-INF/services/dev.ferro.ColumnType}); see {@link ColumnType}.
     */
    public FerroOptions types(ColumnType<?, ?>... more) {
        List<ColumnType<?, ?>> all = new ArrayList<>(types);
        for (ColumnType<?, ?> type : more) {
            all.add(Objects.requireNonNull(type, "type"));
        }
        return with(copy -> copy.types = List.copyOf(all));
    }

    public FerroOptions listener(SqlListener listener) {
        List<SqlListener> all = new ArrayList<>(listeners);
        all.add(Objects.requireNonNull(listener, "listener"));
        return with(copy -> copy.listeners = List.copyOf(all));
    }

    /** The Bean Validation factory to validate with; by default the environment's default provider. */
    public FerroOptions validatorFactory(ValidatorFactory factory) {
        return with(copy -> copy.validatorFactory = factory);
    }

    /**
     * The SQL dialect by its name ({@code h2}, {@code postgresql}, {@code mariadb}, {@code mysql}, {@code sqlite}, or
     * an added one's) instead of the one that serves the URL or the DataSource's database: for a database that
     * speaks another's SQL. Null, the default, finds it from the URL or the database's product name.
     */
    public FerroOptions dialect(String name) {
        return with(copy -> copy.dialect = name);
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

    public Duration validationInterval() {
        return validationInterval;
    }

    public Duration maxLifetime() {
        return maxLifetime;
    }

    public Duration leakTimeout() {
        return leakTimeout;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** The statement timeout, or null for none. */
    public Duration statementTimeout() {
        return statementTimeout;
    }

    public int fetchSize() {
        return fetchSize;
    }

    public SchemaMode schema() {
        return schema;
    }

    public Migrations migrations() {
        return migrations;
    }

    public List<Class<?>> models() {
        return models;
    }

    public List<ColumnType<?, ?>> types() {
        return types;
    }

    public List<SqlListener> listeners() {
        return listeners;
    }

    public ValidatorFactory validatorFactory() {
        return validatorFactory;
    }

    /** The dialect named by {@link #dialect(String)}, or null. */
    public String dialect() {
        return dialect;
    }

    private static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value
                    + (name.equals("acquisitionTimeout") ? " (Ferro has no wait-forever setting: give a bound)" : ""));
        }
        return value;
    }

    @Override
    public String toString() {
        // The password stays out of logs and error messages.
        return "FerroOptions[user=" + user + ", pool=" + minPoolSize + ".." + maxPoolSize
                + ", acquisitionTimeout=" + acquisitionTimeout + ", validationInterval=" + validationInterval
                + ", maxLifetime=" + maxLifetime + ", leakTimeout=" + leakTimeout + ", connectTimeout=" + connectTimeout
                + ", statementTimeout=" + statementTimeout + ", fetchSize=" + fetchSize
                + ", schema=" + schema + ", migrations=" + migrations + ", models=" + models.size() + (dialect == null ? "" : ", dialect=" + dialect) + "]";
    }
}
