package dev.ferro.tck.config;

import dev.ferro.Ferro;
import dev.ferro.Query;
import dev.ferro.tck.TckDeployment;
import dev.ferro.tck.model.TckPerson;
import dev.ferro.tck.model.TckPerson_;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With no database in the configuration at all, Ferro runs on its embedded H2 default and creates the
 * tables of the models as it starts.
 */
@ExtendWith(ArquillianExtension.class)
public class ConfigDefaultTest {

    @Deployment
    public static WebArchive deployment() {
        return TckDeployment.of(ConfigDefaultTest.class).models(TckPerson.class)
                .config("ferro.url", null).config("ferro.username", null).config("ferro.password", null)
                .config("ferro.schema", null).config("ferro.datasource", null).build();
    }

    @Inject
    Query<TckPerson> people;

    @Inject
    Ferro ferro;

    @Test
    void withoutConfigurationFerroUsesTheEmbeddedDatabaseAndCreatesTheTables() {
        String name = "default-" + UUID.randomUUID().toString().substring(0, 8);

        people.create(new TckPerson(name, 30));

        assertEquals(1, people.where(TckPerson_.name.eq(name)).count());
        Object version = ferro.fetchOne("SELECT H2VERSION() AS v").orElseThrow().get("v");
        assertTrue(String.valueOf(version).startsWith("2."), String.valueOf(version));
        people.where(TckPerson_.name.eq(name)).delete();
    }
}
