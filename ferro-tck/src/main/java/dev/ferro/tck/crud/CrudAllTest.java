package dev.ferro.tck.crud;

import dev.ferro.tck.BeanDiscovery;
import dev.ferro.tck.TckDeployment;
import dev.ferro.tck.model.TckPerson;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** {@link CrudContract} in a WAR with {@code bean-discovery-mode="all"}. */
public class CrudAllTest extends CrudContract {
    @Deployment
    public static WebArchive deployment() {
        return TckDeployment.of(CrudAllTest.class).discovery(BeanDiscovery.ALL).models(TckPerson.class).build();
    }
}
