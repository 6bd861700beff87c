package dev.ferro.cdi;

import dev.ferro.DataAccessException;
import dev.ferro.Ferro;
import dev.ferro.Query;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.ferro.cdi.FerroContainer.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the extension makes of the models: they are data, never beans, even where CDI scans them;
 * each gets one {@code Query<M>} bean; a {@code Query} of anything else cannot be injected.
 * Person is both in the compile-time index and added as a scanned bean class here.
 */
@EnableWeld
class DiscoveryTest {

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld()
            .addExtensions(new FerroExtension())
            .addBeanClasses(Person.class, Directory.class)).build();

    @Inject
    Instance<Person> personBeans;

    @Inject
    Instance<Query<Person>> queryBeans;

    @Inject
    Query<Person> people;

    @Inject
    Directory directory;

    @Inject
    BeanManager beanManager;

    @Inject
    FerroExtension extension;

    /** Not a model. */
    public static class Unrelated {
        public Long id;
    }

    /** A bean with a query of its own. */
    @ApplicationScoped
    public static class Directory {
        @Inject
        Query<Person> people;

        public Query<Person> people() {
            return people;
        }
    }

    /** A bean that asks for the query of a class that is not a model. */
    @ApplicationScoped
    public static class NeedsUnrelated {
        @Inject
        Query<Unrelated> unrelated;
    }

    @Test
    void aScannedModelIsVetoedSoItIsNoBean() {
        assertTrue(personBeans.isUnsatisfied());
        assertEquals(Set.of(), beanManager.getBeans(Person.class));
    }

    @Test
    void aModelBothIndexedAndScannedHasExactlyOneDependentQueryBean() {
        Set<Bean<?>> beans = beanManager.getBeans(new QueryType(Person.class));

        assertEquals(1, beans.size(), beans::toString);
        assertEquals(Dependent.class, beans.iterator().next().getScope());
        assertTrue(queryBeans.isResolvable());
        assertEquals(List.of(Person.class), extension.models());
    }

    @Test
    void theInjectedQueryIsOfItsModelAndImmutable() {
        people.where(Person_.name.eq("discovery")).delete();
        people.create(new Person("discovery"));
        long all = people.count();

        Query<Person> filtered = people.where(Person_.name.eq("nobody"));

        assertSame(Person.class, people.model());
        assertSame(Person.class, directory.people().model());
        assertNotSame(people, filtered);
        assertEquals(0, filtered.count());
        assertEquals(all, people.count(), "where() left the injected query unfiltered");
        assertEquals(all, directory.people().count(), "and every other injection point too");
    }

    @Test
    void ferroIsOneApplicationScopedBean() {
        Set<Bean<?>> beans = beanManager.getBeans(Ferro.class);

        assertEquals(1, beans.size(), beans::toString);
        assertEquals(ApplicationScoped.class, beans.iterator().next().getScope());
    }

    @Test
    void aQueryOfAClassThatIsNotAModelFailsTheDeployment() {
        RuntimeException failure = FerroContainer.startFailure(Map.of(), NeedsUnrelated.class);

        assertInstanceOf(DeploymentException.class, failure, messages(failure));
        assertTrue(failure.getMessage().contains("Unsatisfied dependencies"), failure.getMessage());
        assertTrue(failure.getMessage().contains("Query<" + Unrelated.class.getName() + ">")
                || failure.getMessage().contains("Query<Unrelated>"), failure.getMessage());
    }

    @Test
    void theFerroBeanIsClosedWithTheApplication() {
        Query<Person> kept;
        try (FerroContainer container = FerroContainer.start(
                Map.of("ferro.url", FerroContainer.freshH2(), "ferro.schema", "create"))) {
            kept = container.get(new TypeLiteral<Query<Person>>() { });
            assertEquals(0, kept.count());
        }

        assertThrows(DataAccessException.class, kept::count, "its pool was closed at shutdown");
    }
}
