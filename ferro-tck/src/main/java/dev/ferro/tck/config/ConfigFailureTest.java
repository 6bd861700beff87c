package dev.ferro.tck.config;

import dev.ferro.tck.TckDeployment;
import dev.ferro.tck.model.TckNeverCreated;
import dev.ferro.tck.model.TckPerson;
import dev.ferro.tck.support.Deployments;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MicroProfile Config that Ferro cannot start with fails the deployment, naming the key or the object at
 * fault, before the application serves anything.
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
public class ConfigFailureTest {
    private static final String UNSUPPORTED_URL = "config-unsupported-url";
    private static final String VALIDATE = "config-validate-missing-table";
    private static final String POOL = "config-pool-size";
    private static final String SCHEMA_MODE = "config-schema-mode";

    @ArquillianResource
    Deployer deployer;

    private static TckDeployment base(String name) {
        return TckDeployment.of(ConfigFailureTest.class).named(name).models(TckPerson.class);
    }

    @Deployment(name = UNSUPPORTED_URL, managed = false)
    public static WebArchive unsupportedUrl() {
        return base(UNSUPPORTED_URL).config("ferro.url", "jdbc:nosuchdb://127.0.0.1/nothing").config("ferro.datasource", null).build();
    }

    @Deployment(name = VALIDATE, managed = false)
    public static WebArchive validate() {
        return base(VALIDATE).models(TckNeverCreated.class).config("ferro.schema", "validate").build();
    }

    @Deployment(name = POOL, managed = false)
    public static WebArchive pool() {
        return base(POOL).config("ferro.pool.max-size", "0").config("ferro.datasource", null).build();
    }

    @Deployment(name = SCHEMA_MODE, managed = false)
    public static WebArchive schemaMode() {
        return base(SCHEMA_MODE).config("ferro.schema", "sometimes").build();
    }

    @Test
    void anUnsupportedUrlFailsTheDeploymentNamingIt() {
        String failure = Deployments.failure(deployer, UNSUPPORTED_URL);

        assertTrue(failure.contains("jdbc:nosuchdb"), failure);
    }

    @Test
    void schemaValidateFailsTheDeploymentNamingTheMissingTable() {
        String failure = Deployments.failure(deployer, VALIDATE);

        assertTrue(failure.contains("tck_never_created"), failure);
    }

    @Test
    void aPoolSizeThatCannotWorkFailsTheDeploymentNamingTheKey() {
        String failure = Deployments.failure(deployer, POOL);

        assertTrue(failure.contains("ferro.pool.max-size"), failure);
    }

    @Test
    void anUnknownSchemaModeFailsTheDeploymentNamingTheKeyAndTheValue() {
        String failure = Deployments.failure(deployer, SCHEMA_MODE);

        assertTrue(failure.contains("ferro.schema"), failure);
        assertTrue(failure.contains("sometimes"), failure);
    }
}
