package dev.ferro.tck.injection;

import dev.ferro.tck.BeanDiscovery;
import dev.ferro.tck.TckDeployment;
import dev.ferro.tck.model.NotAModel;
import dev.ferro.tck.model.TckAccount;
import dev.ferro.tck.model.TckPerson;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** {@link InjectionContract} in a WAR with {@code bean-discovery-mode="annotated"}. */
public class InjectionAnnotatedTest extends InjectionContract {
    @Deployment
    public static WebArchive deployment() {
        return TckDeployment.of(InjectionAnnotatedTest.class).discovery(BeanDiscovery.ANNOTATED)
                .models(TckPerson.class, TckAccount.class).classes(NotAModel.class).build();
    }
}
