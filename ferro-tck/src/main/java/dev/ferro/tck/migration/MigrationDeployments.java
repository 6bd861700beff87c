package dev.ferro.tck.migration;

import dev.ferro.tck.TckDeployment;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The deployments of the migration contract, built on the client (this class is in no WAR).
 *
 * <p>The TCK's database is shared by its runs and already has tables, so each deployment keeps its history in a
 * table of its own ({@code ferro.migrations.table}) with {@code ferro.migrations.baseline-on-migrate}: the
 * existing schema is taken as version 1, and the scripts, numbered from 2, always run. The first script drops what
 * an earlier run left of {@code tck_entry}. Each run leaves its small history table behind.
 */
public final class MigrationDeployments {
    /** The contract's scripts, per database. */
    public static final String LOCATION = "dev/ferro/tck/migration/{dialect}";
    /** A script that fails on every database. */
    public static final String FAILING_LOCATION = "dev/ferro/tck/migration/failing";
    /**
     * The system property naming the container DataSource (its JNDI name) of {@code dev.ferro.tck.datasource}:
     * {@value #DEFAULT_DATASOURCE} unless set, as in the H2 runs; a PostgreSQL run names a server DataSource on it.
     */
    public static final String CONTAINER_DATASOURCE = "ferro.tck.container.datasource";
    /**
     * The system property naming the container DataSource of the failing deployment of {@code dev.ferro.tck.datasource},
     * where it must be another than {@value #CONTAINER_DATASOURCE}'s (on Payara, a pool breaks once the WAR that
     * loaded its driver is undeployed); that one unless set.
     */
    public static final String CONTAINER_DATASOURCE_FAILING = "ferro.tck.container.datasource.failing";
    /** Every Jakarta EE server's own DataSource. */
    public static final String DEFAULT_DATASOURCE = "java:comp/DefaultDataSource";

    private static final List<String> DIALECTS = List.of("h2", "postgresql", "mariadb", "sqlite");
    private static final AtomicInteger DEPLOYMENTS = new AtomicInteger();

    private MigrationDeployments() {
    }

    /** A deployment migrating from {@code location}, on a history table no other deployment has used. */
    public static TckDeployment migrating(Class<?> test, String location) {
        TckDeployment deployment = TckDeployment.of(test)
                .models(TckEntry.class)
                .config("ferro.schema", "none")
                .config("ferro.migrations", "migrate")
                .config("ferro.migrations.location", location)
                .config("ferro.migrations.table", historyTable())
                .config("ferro.migrations.baseline-on-migrate", "true");
        if (location.contains("{dialect}")) {
            for (String dialect : DIALECTS) {
                deployment.migrationScripts(location.replace("{dialect}", dialect));
            }
        } else {
            deployment.migrationScripts(location);
        }
        return deployment;
    }

    /** The deployment on the container's DataSource ({@value #CONTAINER_DATASOURCE}) in place of the run's {@code ferro.url}. */
    public static TckDeployment onTheContainersDataSource(TckDeployment deployment) {
        return deployment.onDataSource(property(CONTAINER_DATASOURCE, DEFAULT_DATASOURCE));
    }

    /** The failing deployment on the container's DataSource ({@value #CONTAINER_DATASOURCE_FAILING}). */
    public static TckDeployment onTheContainersFailingDataSource(TckDeployment deployment) {
        return deployment.onDataSource(property(CONTAINER_DATASOURCE_FAILING, property(CONTAINER_DATASOURCE, DEFAULT_DATASOURCE)));
    }

    private static String property(String key, String otherwise) {
        String value = System.getProperty(key, "");
        return value.isBlank() ? otherwise : value.strip();
    }

    /** {@code tck_history_}, the time in base 36 and a counter: unique across the runs on one database. */
    private static String historyTable() {
        return "tck_history_" + Long.toString(System.currentTimeMillis(), 36) + "_" + DEPLOYMENTS.incrementAndGet();
    }
}
