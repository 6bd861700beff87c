package dev.ferro.tck.conflict;

import dev.ferro.tck.BeanDiscovery;
import dev.ferro.tck.TckDeployment;
import dev.ferro.tck.model.TckWallet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** {@link WriteConflictContract} in a WAR with {@code bean-discovery-mode="annotated"}. */
public class WriteConflictAnnotatedTest extends WriteConflictContract {
    @Deployment
    public static WebArchive deployment() {
        return TckDeployment.of(WriteConflictAnnotatedTest.class).discovery(BeanDiscovery.ANNOTATED).models(TckWallet.class).build();
    }
}
