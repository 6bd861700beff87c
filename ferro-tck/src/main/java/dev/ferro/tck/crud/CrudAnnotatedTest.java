package dev.ferro.tck.crud;

import dev.ferro.tck.BeanDiscovery;
import dev.ferro.tck.TckDeployment;
import dev.ferro.tck.model.TckPerson;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** {@link CrudContract} in a WAR with {@code bean-discovery-mode="annotated"}. */
public class CrudAnnotatedTest extends CrudContract {
    @Deployment
    public static WebArchive deployment() {
        return TckDeployment.of(CrudAnnotatedTest.class).discovery(BeanDiscovery.ANNOTATED).models(TckPerson.class).build();
    }
}
