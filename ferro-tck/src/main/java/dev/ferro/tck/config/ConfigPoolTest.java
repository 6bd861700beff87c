package dev.ferro.tck.config;

import dev.ferro.PoolExhaustedException;
import dev.ferro.Query;
import dev.ferro.tck.TckDeployment;
import dev.ferro.tck.model.TckPerson;
import dev.ferro.tck.support.Requests;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ferro.pool.max-size=1} and {@code ferro.pool.acquisition-timeout=1}, from the deployment's
 * configuration: a request holds the only connection until it ends; another request that needs one
 * meanwhile fails after about a second with a {@link PoolExhaustedException} naming the pool's size
 * and timeout; requests one after the other all get it.
 *
 * <p>Only for runs where Ferro uses its own pool (not {@code ferro.datasource}).
 */
@ExtendWith(ArquillianExtension.class)
public class ConfigPoolTest {

    @Deployment
    public static WebArchive deployment() {
        return TckDeployment.of(ConfigPoolTest.class).models(TckPerson.class)
                .config("ferro.pool.max-size", "1").config("ferro.pool.acquisition-timeout", "1").build();
    }

    @Inject
    Query<TckPerson> people;

    @Inject
    Requests requests;

    @Test
    void requestsOneAfterTheOtherShareTheOnlyConnectionAndOneAtATimeHoldsIt() {
        requests.run(people::delete);
        requests.run(() -> people.create(new TckPerson("first", 1)));
        assertEquals(1, requests.call(people::count), "the connection came back when each request ended");

        assertEquals(1, people.count(), "this request now holds the only connection");

        PoolExhaustedException exhausted = assertThrows(PoolExhaustedException.class, () -> requests.call(people::count));
        assertEquals(1, exhausted.poolSize());
        assertEquals(Duration.ofSeconds(1), exhausted.acquisitionTimeout());
        assertTrue(exhausted.getMessage().contains("pool of 1") && exhausted.getMessage().contains("1000 ms"), exhausted.getMessage());
    }
}
