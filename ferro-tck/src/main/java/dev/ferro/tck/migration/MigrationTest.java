package dev.ferro.tck.migration;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The migration contract on the run's database through the implementation's own pool ({@code ferro.url}).
 * A run that configures {@code ferro.datasource} runs it on that DataSource instead.
 */
@ExtendWith(ArquillianExtension.class)
public class MigrationTest extends MigrationContract {
    @Deployment
    public static WebArchive deployment() {
        return MigrationDeployments.migrating(MigrationTest.class, MigrationDeployments.LOCATION).build();
    }
}
