package dev.ferro.tck.deployment;

import dev.ferro.tck.BeanDiscovery;
import dev.ferro.tck.TckDeployment;
import dev.ferro.tck.invalid.NoId;
import dev.ferro.tck.invalid.TwoIds;
import dev.ferro.tck.invalid.UnsupportedField;
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
 * A deployment holding a model that cannot be mapped fails to deploy, with a message naming the class and
 * the field. Each deployment is unmanaged: the test deploys it through {@link Deployer} and reads the
 * failure, which is portable where {@code @ShouldThrowException} is not (Weld embedded reports a CDI
 * definition error as it is, servers wrap it in their own deployment failure).
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
public class InvalidModelTest {
    private static final String NO_ID = "invalid-no-id";
    private static final String NO_ID_ALL = "invalid-no-id-all";
    private static final String UNSUPPORTED = "invalid-unsupported-field";
    private static final String SEVERAL = "invalid-several";

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = NO_ID, managed = false)
    public static WebArchive noId() {
        return TckDeployment.of(InvalidModelTest.class).named(NO_ID).models(NoId.class).build();
    }

    @Deployment(name = NO_ID_ALL, managed = false)
    public static WebArchive noIdScanned() {
        return TckDeployment.of(InvalidModelTest.class).named(NO_ID_ALL).discovery(BeanDiscovery.ALL).models(NoId.class).build();
    }

    @Deployment(name = UNSUPPORTED, managed = false)
    public static WebArchive unsupported() {
        return TckDeployment.of(InvalidModelTest.class).named(UNSUPPORTED).models(TckPerson.class, UnsupportedField.class).build();
    }

    @Deployment(name = SEVERAL, managed = false)
    public static WebArchive several() {
        return TckDeployment.of(InvalidModelTest.class).named(SEVERAL).models(TwoIds.class, NoId.class).build();
    }

    /** The failure of the deployment {@code name}, checked to be a CDI definition or deployment problem. */
    private String cdiFailure(String name) {
        String failure = Deployments.failure(deployer, name);
        assertTrue(failure.contains("DefinitionException") || failure.contains("DeploymentException"), failure);
        return failure;
    }

    @Test
    void aModelWithoutAnIdFailsTheDeploymentNamingTheClass() {
        String failure = cdiFailure(NO_ID);

        assertTrue(failure.contains(NoId.class.getName()), failure);
        assertTrue(failure.contains("@Id"), failure);
    }

    @Test
    void theSameModelFoundByScanningFailsTheSameWay() {
        String failure = cdiFailure(NO_ID_ALL);

        assertTrue(failure.contains(NoId.class.getName()), failure);
        assertTrue(failure.contains("@Id"), failure);
    }

    @Test
    void aFieldOfAnUnsupportedTypeFailsTheDeploymentNamingTheClassTheFieldAndTheType() {
        String failure = cdiFailure(UNSUPPORTED);

        assertTrue(failure.contains(UnsupportedField.class.getName()), failure);
        assertTrue(failure.contains("'born'"), failure);
        assertTrue(failure.contains("java.util.Date"), failure);
    }

    @Test
    void everyInvalidModelOfTheDeploymentIsReported() {
        String failure = cdiFailure(SEVERAL);

        assertTrue(failure.contains(TwoIds.class.getName()), failure);
        assertTrue(failure.contains("'other'"), failure);
        assertTrue(failure.contains(NoId.class.getName()), failure);
    }
}
