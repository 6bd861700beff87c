package dev.ferro.tck.conflict;

import dev.ferro.tck.BeanDiscovery;
import dev.ferro.tck.TckDeployment;
import dev.ferro.tck.model.TckWallet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** {@link WriteConflictContract} in a WAR with {@code bean-discovery-mode="all"}. */
public class WriteConflictAllTest extends WriteConflictContract {
    @Deployment
    public static WebArchive deployment() {
        return TckDeployment.of(WriteConflictAllTest.class).discovery(BeanDiscovery.ALL).models(TckWallet.class).build();
    }
}
