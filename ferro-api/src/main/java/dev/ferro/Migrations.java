package dev.ferro;

import java.util.Objects;

/**
 * What {@link Ferro#connect} does with the application's Flyway migration scripts before the models are
 * used ({@code ferro.migrations}): nothing, apply the pending ones ({@link #migrate()}), or check that those
 * applied are the scripts there are ({@link #validate()}). After either, the schema is checked against the
 * models, and a start with a mismatch fails listing every one ({@link SchemaMismatchException}). Needs
 * Flyway ({@code org.flywaydb:flyway-core}, and {@code flyway-database-postgresql} or {@code flyway-mysql}
 * for those databases) on the application's class path; a failed script is a {@link MigrationException}.
 *
 * <pre>
 * FerroOptions.defaults().migrations(Migrations.migrate().location("db/migration/{dialect}"))
 * </pre>
 */
public final class Migrations {
    /** The scripts' class-path location unless given: Flyway's own default. */
    public static final String DEFAULT_LOCATION = "db/migration";

    /** What happens at start. */
    public enum Mode {
        /** Nothing: no Flyway is needed. */
        NONE,
        /** Applies the pending scripts, then validates the schema against the models. */
        MIGRATE,
        /** Checks that the applied scripts are those there are and none is pending, then validates the schema. */
        VALIDATE
    }

    private static final Migrations NONE = new Migrations(Mode.NONE, DEFAULT_LOCATION, false);

    private final Mode mode;
    private final String location;
    private final boolean baselineOnMigrate;

    private Migrations(Mode mode, String location, boolean baselineOnMigrate) {
        this.mode = mode;
        this.location = location;
        this.baselineOnMigrate = baselineOnMigrate;
    }

    public static Migrations none() {
        return NONE;
    }

    public static Migrations migrate() {
        return new Migrations(Mode.MIGRATE, DEFAULT_LOCATION, false);
    }

    public static Migrations validate() {
        return new Migrations(Mode.VALIDATE, DEFAULT_LOCATION, false);
    }

    /**
     * The class-path location of the scripts ({@code db/migration}); {@code {dialect}} in it stands for the
     * dialect's name ({@code h2}, {@code postgresql}, {@code mariadb}, {@code sqlite}), for scripts per database.
     */
    public Migrations location(String location) {
        Objects.requireNonNull(location, "location");
        if (location.isBlank()) {
            throw new IllegalArgumentException("The migrations' location is blank");
        }
        return new Migrations(mode, location.strip(), baselineOnMigrate);
    }

    /**
     * Whether a schema that has tables but no migration history yet is taken as the first version (Flyway's
     * {@code baselineOnMigrate}), for a database that existed before its migrations: off unless set.
     */
    public Migrations baselineOnMigrate(boolean baseline) {
        return new Migrations(mode, location, baseline);
    }

    public Mode mode() {
        return mode;
    }

    public String location() {
        return location;
    }

    public boolean baselineOnMigrate() {
        return baselineOnMigrate;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Migrations that && mode == that.mode && location.equals(that.location)
                && baselineOnMigrate == that.baselineOnMigrate;
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, location, baselineOnMigrate);
    }

    @Override
    public String toString() {
        return mode == Mode.NONE ? "none" : mode.name().toLowerCase(java.util.Locale.ROOT) + " " + location
                + (baselineOnMigrate ? " (baseline on migrate)" : "");
    }
}
