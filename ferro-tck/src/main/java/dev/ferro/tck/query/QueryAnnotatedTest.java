package dev.ferro.tck.query;

import dev.ferro.tck.BeanDiscovery;
import dev.ferro.tck.TckDeployment;
import dev.ferro.tck.model.TckPerson;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** {@link QueryContract} in a WAR with {@code bean-discovery-mode="annotated"}. */
public class QueryAnnotatedTest extends QueryContract {
    @Deployment
    public static WebArchive deployment() {
        return TckDeployment.of(QueryAnnotatedTest.class).discovery(BeanDiscovery.ANNOTATED).models(TckPerson.class).build();
    }
}
