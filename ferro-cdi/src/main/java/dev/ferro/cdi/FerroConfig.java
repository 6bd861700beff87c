package dev.ferro.cdi;

import dev.ferro.FerroOptions;
import dev.ferro.Migrations;
import dev.ferro.SchemaMode;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Ferro's MicroProfile Config keys and their defaults. With no configuration at all, Ferro uses an
 * embedded in-memory H2 database ({@value #DEFAULT_URL}) and creates the tables of the models.
 *
 * <pre>
 * ferro.url                        JDBC URL                      default: embedded H2
 * ferro.username, ferro.password   credentials                   default: none
 * ferro.pool.min-size              connections kept open         default: 0
 * ferro.pool.max-size              most connections at once      default: 10
 * ferro.pool.acquisition-timeout   ISO-8601 (PT30S) or seconds   default: 30 seconds
 * ferro.pool.validation-interval   idle connections validated    default: 30 seconds
 * ferro.pool.max-lifetime          a connection is replaced      default: 30 minutes
 * ferro.pool.leak-timeout          a held connection is logged   default: 10 minutes
 * ferro.connect-timeout            opening a connection          default: 10 seconds
 * ferro.statement-timeout          a statement is cancelled      default: none
 * ferro.fetch-size                 rows a stream fetches at once default: 1000
 * ferro.schema                     none | create | update | validate   default: create for the embedded default
 *                                                                without migrations, else none
 * ferro.migrations                 none | migrate | validate     Flyway at start               default: none
 * ferro.migrations.location        the scripts' class-path location ({dialect} for the dialect's name)
 *                                                                default: db/migration
 * ferro.migrations.baseline-on-migrate   an existing schema is the first version   default: false
 * ferro.migrations.table           Flyway's history table        default: flyway_schema_history
 * ferro.datasource                 JNDI name of a container DataSource, used instead of ferro.url and Ferro's pool
 * ferro.dialect                    SQL dialect by name           default: the one of ferro.url or the DataSource
 * </pre>
 */
public record FerroConfig(String url, String dataSource, FerroOptions options) {
    public static final String DEFAULT_URL = "jdbc:h2:mem:ferro";

    /**
     * @throws IllegalArgumentException naming the key when a value cannot be used
     */
    public static FerroConfig read(Config config) {
        Optional<String> url = config.getOptionalValue("ferro.url", String.class);
        Optional<String> dataSource = config.getOptionalValue("ferro.datasource", String.class);
        Migrations migrations = migrations(config);
        boolean embeddedDefault = url.isEmpty() && dataSource.isEmpty() && migrations.mode() == Migrations.Mode.NONE;
        int minSize = config.getOptionalValue("ferro.pool.min-size", Integer.class).orElse(0);
        int maxSize = config.getOptionalValue("ferro.pool.max-size", Integer.class).orElse(10);
        // Checked here, not only by FerroOptions, so that the message names the keys the user wrote.
        if (minSize < 0 || maxSize < 1 || minSize > maxSize) {
            throw new IllegalArgumentException("ferro.pool.min-size=" + minSize + " and ferro.pool.max-size=" + maxSize
                    + " cannot work: the pool needs 0 <= min-size <= max-size and max-size >= 1");
        }
        FerroOptions options = FerroOptions.defaults()
                .minPoolSize(minSize)
                .maxPoolSize(maxSize)
                .acquisitionTimeout(duration(config, "ferro.pool.acquisition-timeout", Duration.ofSeconds(30)))
                .validationInterval(duration(config, "ferro.pool.validation-interval", Duration.ofSeconds(30)))
                .maxLifetime(duration(config, "ferro.pool.max-lifetime", Duration.ofMinutes(30)))
                .leakTimeout(duration(config, "ferro.pool.leak-timeout", Duration.ofMinutes(10)))
                .connectTimeout(duration(config, "ferro.connect-timeout", Duration.ofSeconds(10)))
                .statementTimeout(duration(config, "ferro.statement-timeout", null))
                .fetchSize(fetchSize(config.getOptionalValue("ferro.fetch-size", Integer.class)))
                .schema(schema(config.getOptionalValue("ferro.schema", String.class), embeddedDefault))
                .migrations(migrations);
        Optional<String> user = config.getOptionalValue("ferro.username", String.class);
        if (user.isPresent()) {
            options = options.user(user.get());
        }
        Optional<String> dialect = config.getOptionalValue("ferro.dialect", String.class);
        if (dialect.isPresent()) {
            options = options.dialect(dialect.get());
        }
        Optional<String> password = config.getOptionalValue("ferro.password", String.class);
        if (password.isPresent()) {
            options = options.password(password.get());
        }
        return new FerroConfig(url.orElse(DEFAULT_URL), dataSource.orElse(null), options);
    }

    /** A duration key: ISO-8601 ({@code PT30S}) or a whole number of seconds, positive. */
    private static Duration duration(Config config, String key, Duration fallback) {
        Optional<String> value = config.getOptionalValue(key, String.class);
        if (value.isEmpty()) {
            return fallback;
        }
        String text = value.get().strip();
        Duration duration;
        try {
            duration = text.chars().allMatch(Character::isDigit) ? Duration.ofSeconds(Long.parseLong(text)) : Duration.parse(text);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException(key + "='" + text
                    + "' is neither a number of seconds nor an ISO-8601 duration such as PT30S", e);
        }
        // Checked here, not only by FerroOptions, so that the message names the key the user wrote.
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(key + "='" + text + "' must be a positive duration");
        }
        return duration;
    }

    private static int fetchSize(Optional<Integer> value) {
        if (value.isPresent() && value.get() < 1) {
            throw new IllegalArgumentException("ferro.fetch-size=" + value.get() + " must be at least 1");
        }
        return value.orElse(1000);
    }

    private static Migrations migrations(Config config) {
        Optional<String> mode = config.getOptionalValue("ferro.migrations", String.class);
        Migrations migrations = switch (mode.map(value -> value.strip().toLowerCase(Locale.ROOT)).orElse("none")) {
            case "none" -> Migrations.none();
            case "migrate" -> Migrations.migrate();
            case "validate" -> Migrations.validate();
            default -> throw new IllegalArgumentException("ferro.migrations='" + mode.get() + "' is not one of none, migrate, validate");
        };
        Optional<String> location = config.getOptionalValue("ferro.migrations.location", String.class);
        if (location.isPresent()) {
            migrations = migrations.location(location.get());
        }
        Optional<String> table = config.getOptionalValue("ferro.migrations.table", String.class);
        if (table.isPresent()) {
            try {
                migrations = migrations.historyTable(table.get().strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("ferro.migrations.table: " + e.getMessage(), e);
            }
        }
        return migrations.baselineOnMigrate(config.getOptionalValue("ferro.migrations.baseline-on-migrate", Boolean.class).orElse(false));
    }

    private static SchemaMode schema(Optional<String> value, boolean embeddedDefault) {
        if (value.isEmpty()) {
            return embeddedDefault ? SchemaMode.CREATE : SchemaMode.NONE;
        }
        return switch (value.get().strip().toLowerCase(Locale.ROOT)) {
            case "none" -> SchemaMode.NONE;
            case "create" -> SchemaMode.CREATE;
            case "update" -> SchemaMode.UPDATE;
            case "validate" -> SchemaMode.VALIDATE;
            default -> throw new IllegalArgumentException("ferro.schema='" + value.get()
                    + "' is not one of none, create, update, validate");
        };
    }
}
