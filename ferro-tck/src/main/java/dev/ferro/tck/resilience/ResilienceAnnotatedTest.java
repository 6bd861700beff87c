package dev.ferro.tck.resilience;

import dev.ferro.tck.BeanDiscovery;
import dev.ferro.tck.TckDeployment;
import dev.ferro.tck.model.TckAccount;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** {@link ResilienceContract} in a WAR with {@code bean-discovery-mode="annotated"}. */
public class ResilienceAnnotatedTest extends ResilienceContract {
    @Deployment
    public static WebArchive deployment() {
        return TckDeployment.of(ResilienceAnnotatedTest.class).discovery(BeanDiscovery.ANNOTATED).models(TckAccount.class).build();
    }
}
