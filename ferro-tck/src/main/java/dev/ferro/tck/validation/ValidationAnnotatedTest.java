package dev.ferro.tck.validation;

import dev.ferro.tck.BeanDiscovery;
import dev.ferro.tck.TckDeployment;
import dev.ferro.tck.model.TckAccount;
import dev.ferro.tck.model.TckPerson;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** {@link ValidationContract} in a WAR with {@code bean-discovery-mode="annotated"}. */
public class ValidationAnnotatedTest extends ValidationContract {
    @Deployment
    public static WebArchive deployment() {
        return TckDeployment.of(ValidationAnnotatedTest.class).discovery(BeanDiscovery.ANNOTATED)
                .models(TckPerson.class, TckAccount.class).build();
    }
}
