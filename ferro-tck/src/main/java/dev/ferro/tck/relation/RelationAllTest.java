package dev.ferro.tck.relation;

import dev.ferro.tck.BeanDiscovery;
import dev.ferro.tck.TckDeployment;
import dev.ferro.tck.model.TckArticle;
import dev.ferro.tck.model.TckAuthor;
import dev.ferro.tck.model.TckLabel;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** {@link RelationContract} in a WAR with {@code bean-discovery-mode="all"}. */
public class RelationAllTest extends RelationContract {
    @Deployment
    public static WebArchive deployment() {
        return TckDeployment.of(RelationAllTest.class).discovery(BeanDiscovery.ALL)
                .models(TckAuthor.class, TckArticle.class, TckLabel.class).build();
    }
}
