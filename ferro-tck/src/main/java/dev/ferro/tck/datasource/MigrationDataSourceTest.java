package dev.ferro.tck.datasource;

import dev.ferro.tck.migration.MigrationContract;
import dev.ferro.tck.migration.MigrationDeployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The migration contract on a DataSource of the container ({@code ferro.datasource}: {@code java:comp/DefaultDataSource},
 * or the one {@code ferro.tck.container.datasource} names, for a DataSource on the run's PostgreSQL):
 * the scripts run on the server's connections at deployment, outside any JTA transaction. For containers with
 * JNDI (application servers; not Weld embedded); the deployment leaves {@code ferro.url} out.
 */
@ExtendWith(ArquillianExtension.class)
public class MigrationDataSourceTest extends MigrationContract {
    @Deployment
    public static WebArchive deployment() {
        return MigrationDeployments.onTheContainersDataSource(
                MigrationDeployments.migrating(MigrationDataSourceTest.class, MigrationDeployments.LOCATION)).build();
    }
}
