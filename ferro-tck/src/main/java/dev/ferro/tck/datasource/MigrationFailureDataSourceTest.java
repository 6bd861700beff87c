package dev.ferro.tck.datasource;

import dev.ferro.tck.migration.MigrationDeployments;
import dev.ferro.tck.migration.MigrationFailureTest;
import dev.ferro.tck.support.Deployments;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link MigrationFailureTest} on a DataSource of the container (see {@link MigrationDataSourceTest}). */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
public class MigrationFailureDataSourceTest {
    static final String BROKEN = "migration-broken-script-datasource";

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = BROKEN, managed = false)
    public static WebArchive broken() {
        return MigrationDeployments.onTheContainersFailingDataSource(MigrationDeployments
                .migrating(MigrationFailureDataSourceTest.class, MigrationDeployments.FAILING_LOCATION).named(BROKEN)).build();
    }

    @Test
    void aFailingScriptFailsTheDeploymentWithFlywaysMessage() {
        MigrationFailureTest.assertFailsWithFlywaysMessage(Deployments.failure(deployer, BROKEN));
    }
}
