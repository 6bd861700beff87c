package dev.ferro.tck.transaction;

import dev.ferro.tck.BeanDiscovery;
import dev.ferro.tck.TckDeployment;
import dev.ferro.tck.model.TckAccount;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** {@link TransactionalContract} in a WAR with {@code bean-discovery-mode="annotated"}. */
public class TransactionalAnnotatedTest extends TransactionalContract {
    @Deployment
    public static WebArchive deployment() {
        return TckDeployment.of(TransactionalAnnotatedTest.class).discovery(BeanDiscovery.ANNOTATED).models(TckAccount.class).build();
    }
}
