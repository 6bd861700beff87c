package dev.ferro.tck.injection;

import dev.ferro.tck.BeanDiscovery;
import dev.ferro.tck.TckDeployment;
import dev.ferro.tck.model.NotAModel;
import dev.ferro.tck.model.TckAccount;
import dev.ferro.tck.model.TckPerson;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** {@link InjectionContract} in a WAR with {@code bean-discovery-mode="all"}. */
public class InjectionAllTest extends InjectionContract {
    @Deployment
    public static WebArchive deployment() {
        return TckDeployment.of(InjectionAllTest.class).discovery(BeanDiscovery.ALL)
                .models(TckPerson.class, TckAccount.class).classes(NotAModel.class).build();
    }
}
