package dev.ferro.tck.report;

import dev.ferro.tck.BeanDiscovery;
import dev.ferro.tck.TckDeployment;
import dev.ferro.tck.model.TckArticle;
import dev.ferro.tck.model.TckAuthor;
import dev.ferro.tck.model.TckLabel;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** {@link QueryFeaturesContract} in a WAR with {@code bean-discovery-mode="annotated"}. */
public class QueryFeaturesTest extends QueryFeaturesContract {
    @Deployment
    public static WebArchive deployment() {
        return TckDeployment.of(QueryFeaturesTest.class).discovery(BeanDiscovery.ANNOTATED)
                .models(TckAuthor.class, TckArticle.class, TckLabel.class).build();
    }
}
