package dev.ferro.tck.request;

import dev.ferro.tck.BeanDiscovery;
import dev.ferro.tck.TckDeployment;
import dev.ferro.tck.model.TckPerson;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** {@link RequestScopeContract} in a WAR with {@code bean-discovery-mode="annotated"}. */
public class RequestScopeAnnotatedTest extends RequestScopeContract {
    @Deployment
    public static WebArchive deployment() {
        return TckDeployment.of(RequestScopeAnnotatedTest.class).discovery(BeanDiscovery.ANNOTATED).models(TckPerson.class).build();
    }
}
