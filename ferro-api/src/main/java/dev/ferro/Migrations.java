package dev.ferro;

import java.util.Objects;
import java.util.regex.Pattern;

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

    /** The table of the applied scripts unless given: Flyway's own default. */
    public static final String DEFAULT_HISTORY_TABLE = "flyway_schema_history";

    /**
     * The file at the location that lists its scripts, one file name a line ({@code #} starts a comment). Where
     * it is, the scripts are read through the class loader by name, which works in every container; where it is
     * not, Flyway looks for them itself, which finds nothing in a WAR on WildFly. The migration generator writes it.
     */
    public static final String SCRIPT_LIST = "ferro-migrations.list";

    /** What happens at start. */
    public enum Mode {
        /** Nothing: no Flyway is needed. */
        NONE,
        /** Applies the pending scripts, then validates the schema against the models. */
        MIGRATE,
        /** Checks that the applied scripts are those there are and none is pending, then validates the schema. */
        VALIDATE
    }

    private static final Migrations NONE = new Migrations(Mode.NONE, DEFAULT_LOCATION, false, DEFAULT_HISTORY_TABLE);
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Mode mode;
    private final String location;
    private final boolean baselineOnMigrate;
    private final String historyTable;

    private Migrations(Mode mode, String location, boolean baselineOnMigrate, String historyTable) {
        this.mode = mode;
        this.location = location;
        this.baselineOnMigrate = baselineOnMigrate;
        this.historyTable = historyTable;
    }

    public static Migrations none() {
        return NONE;
    }

    public static Migrations migrate() {
        return new Migrations(Mode.MIGRATE, DEFAULT_LOCATION, false, DEFAULT_HISTORY_TABLE);
    }

    public static Migrations validate() {
        return new Migrations(Mode.VALIDATE, DEFAULT_LOCATION, false, DEFAULT_HISTORY_TABLE);
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
        return new Migrations(mode, location.strip(), baselineOnMigrate, historyTable);
    }

    /**
     * Whether a schema that has tables but no migration history yet is taken as the first version (Flyway's
     * {@code baselineOnMigrate}), for a database that existed before its migrations: off unless set.
     */
    public Migrations baselineOnMigrate(boolean baseline) {
        return new Migrations(mode, location, baseline, historyTable);
    }

    /**
     * The table where Flyway records the applied scripts ({@code flyway_schema_history}), for applications
     * that share a schema or keep an older name.
     *
     * @throws IllegalArgumentException for a name that is not letters, digits and underscores
     */
    public Migrations historyTable(String table) {
        Objects.requireNonNull(table, "table");
        if (!TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("The migrations' history table '" + table + "' is not a plain table name"
                    + " (letters, digits and underscores, not starting with a digit)");
        }
        return new Migrations(mode, location, baselineOnMigrate, table);
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

    public String historyTable() {
        return historyTable;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Migrations that && mode == that.mode && location.equals(that.location)
                && baselineOnMigrate == that.baselineOnMigrate && historyTable.equals(that.historyTable);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, location, baselineOnMigrate, historyTable);
    }

    @Override
    public String toString() {
        return mode == Mode.NONE ? "none" : mode.name().toLowerCase(java.util.Locale.ROOT) + " " + location
                + (baselineOnMigrate ? " (baseline on migrate)" : "")
                + (historyTable.equals(DEFAULT_HISTORY_TABLE) ? "" : " (history in " + historyTable + ")");
    }
}
