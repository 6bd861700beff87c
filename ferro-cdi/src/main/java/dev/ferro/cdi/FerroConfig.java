package dev.ferro.cdi;

import dev.ferro.FerroOptions;
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
 * ferro.schema                     none | create | validate      default: create for the embedded default, else none
 * ferro.datasource                 JNDI name of a container DataSource, used instead of ferro.url and Ferro's pool
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
        boolean embeddedDefault = url.isEmpty() && dataSource.isEmpty();
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
                .acquisitionTimeout(duration(config.getOptionalValue("ferro.pool.acquisition-timeout", String.class)))
                .schema(schema(config.getOptionalValue("ferro.schema", String.class), embeddedDefault));
        Optional<String> user = config.getOptionalValue("ferro.username", String.class);
        if (user.isPresent()) {
            options = options.user(user.get());
        }
        Optional<String> password = config.getOptionalValue("ferro.password", String.class);
        if (password.isPresent()) {
            options = options.password(password.get());
        }
        return new FerroConfig(url.orElse(DEFAULT_URL), dataSource.orElse(null), options);
    }

    private static Duration duration(Optional<String> value) {
        if (value.isEmpty()) {
            return Duration.ofSeconds(30);
        }
        String text = value.get().strip();
        Duration duration;
        try {
            duration = text.chars().allMatch(Character::isDigit) ? Duration.ofSeconds(Long.parseLong(text)) : Duration.parse(text);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("ferro.pool.acquisition-timeout='" + text
                    + "' is neither a number of seconds nor an ISO-8601 duration such as PT30S", e);
        }
        // FerroOptions takes any duration; a negative wait has no meaning, so it is refused where the key is known.
        if (duration.isNegative()) {
            throw new IllegalArgumentException("ferro.pool.acquisition-timeout='" + text + "' is negative");
        }
        return duration;
    }

    private static SchemaMode schema(Optional<String> value, boolean embeddedDefault) {
        if (value.isEmpty()) {
            return embeddedDefault ? SchemaMode.CREATE : SchemaMode.NONE;
        }
        return switch (value.get().strip().toLowerCase(Locale.ROOT)) {
            case "none" -> SchemaMode.NONE;
            case "create" -> SchemaMode.CREATE;
            case "validate" -> SchemaMode.VALIDATE;
            default -> throw new IllegalArgumentException("ferro.schema='" + value.get()
                    + "' is not one of none, create, validate");
        };
    }
}
