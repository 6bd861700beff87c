package dev.ferro.tck.transaction;

import dev.ferro.tck.BeanDiscovery;
import dev.ferro.tck.TckDeployment;
import dev.ferro.tck.model.TckAccount;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** {@link TransactionalContract} in a WAR with {@code bean-discovery-mode="all"}. */
public class TransactionalAllTest extends TransactionalContract {
    @Deployment
    public static WebArchive deployment() {
        return TckDeployment.of(TransactionalAllTest.class).discovery(BeanDiscovery.ALL).models(TckAccount.class).build();
    }
}
