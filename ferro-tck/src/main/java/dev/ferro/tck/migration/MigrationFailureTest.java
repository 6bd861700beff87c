package dev.ferro.tck.migration;

import dev.ferro.tck.support.Deployments;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A script that fails at deployment fails the deployment, and the failure carries Flyway's message: the
 * script's file name and the database's own words about the table it names. Through the implementation's own
 * pool ({@code ferro.url}).
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
public class MigrationFailureTest {
    static final String BROKEN = "migration-broken-script";

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = BROKEN, managed = false)
    public static WebArchive broken() {
        return MigrationDeployments.migrating(MigrationFailureTest.class, MigrationDeployments.FAILING_LOCATION).named(BROKEN).build();
    }

    @Test
    void aFailingScriptFailsTheDeploymentWithFlywaysMessage() {
        assertFailsWithFlywaysMessage(Deployments.failure(deployer, BROKEN));
    }

    /** The script's name, as Flyway reports it, and the missing table, as the database does (H2 in capitals). */
    public static void assertFailsWithFlywaysMessage(String failure) {
        assertTrue(failure.contains("V2__broken.sql"), failure);
        assertTrue(failure.toLowerCase(Locale.ROOT).contains("tck_no_such_table"), failure);
    }
}
