package dev.ferro.tck.injection;

import dev.ferro.Ferro;
import dev.ferro.Query;
import dev.ferro.Transactional;
import dev.ferro.tck.model.NotAModel;
import dev.ferro.tck.model.TckAccount;
import dev.ferro.tck.model.TckPerson;
import dev.ferro.tck.model.TckPerson_;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Inject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code @Inject Ferro} and {@code @Inject Query<M>}: one query bean per model of the deployment, in the
 * test and in the application's beans; models are data, never beans; a query of a non-model does not exist.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class InjectionContract {

    /** An application bean with its own injection points. */
    @ApplicationScoped
    public static class Directory {
        @Inject
        Query<TckPerson> people;

        @Inject
        Query<TckAccount> accounts;

        @Inject
        Ferro ferro;

        public Query<TckPerson> people() {
            return people;
        }

        public Query<TckAccount> accounts() {
            return accounts;
        }

        /** Whether the Ferro injected here is in a transaction, asked from inside a @Transactional method. */
        @Transactional
        public boolean seenInTransaction(Ferro other) {
            return ferro.inTransaction() && other.inTransaction();
        }
    }

    @Inject
    Ferro ferro;

    @Inject
    Query<TckPerson> people;

    @Inject
    Query<TckAccount> accounts;

    @Inject
    Directory directory;

    @Inject
    BeanManager beanManager;

    @Inject
    Instance<Query<NotAModel>> notAModel;

    @Inject
    Instance<TckPerson> personBeans;

    /**
     * Called first by each test that touches rows. Not a {@code @BeforeEach}: Arquillian's JUnit 5 extension
     * (1.10) never runs those for in-container tests on a local container such as Weld embedded.
     */
    private void empty() {
        people.delete();
        accounts.delete();
    }

    @Test
    void ferroIsInjectedAndOutsideAnyTransaction() {
        assertNotNull(ferro);
        assertFalse(ferro.inTransaction());
        assertEquals(TckPerson.class, ferro.query(TckPerson.class).model());
    }

    @Test
    void eachModelGetsItsOwnQuery() {
        assertEquals(TckPerson.class, people.model());
        assertEquals(TckAccount.class, accounts.model());
    }

    @Test
    void theInjectedQueryAndFerroQueryWorkOnTheSameTable() {
        empty();
        people.create(new TckPerson("alice", 34));

        assertEquals(1, ferro.query(TckPerson.class).count());
        assertEquals(List.of("alice"), ferro.query(TckPerson.class).all().stream().map(p -> p.name).toList());
        assertEquals(0, accounts.count());
    }

    @Test
    void applicationBeansGetTheQueriesToo() {
        empty();
        directory.people().create(new TckPerson("bob", 27));
        directory.accounts().create(new TckAccount("bob", 10));

        assertEquals(TckPerson.class, directory.people().model());
        assertEquals(1, people.where(TckPerson_.name.eq("bob")).count());
        assertEquals(1, accounts.count());
    }

    @Test
    void thereIsExactlyOneQueryBeanPerModel() {
        assertEquals(1, beanManager.getBeans(new TypeLiteral<Query<TckPerson>>() { }.getType()).size());
        assertEquals(1, beanManager.getBeans(new TypeLiteral<Query<TckAccount>>() { }.getType()).size());
        assertEquals(1, beanManager.getBeans(Ferro.class).size());
    }

    @Test
    void programmaticLookupFindsTheQuery() {
        empty();
        Query<TckPerson> looked = CDI.current().select(new TypeLiteral<Query<TckPerson>>() { }).get();
        people.create(new TckPerson("carol", 52));

        assertEquals(TckPerson.class, looked.model());
        assertEquals(1, looked.where(TckPerson_.name.eq("carol")).count());
    }

    @Test
    void modelsAreNotBeans() {
        assertTrue(personBeans.isUnsatisfied());
        assertEquals(0, beanManager.getBeans(TckPerson.class).size());
    }

    @Test
    void aQueryOfAClassThatIsNotAModelDoesNotExist() {
        assertTrue(notAModel.isUnsatisfied());
    }

    @Test
    void everyInjectedFerroSharesTheTransactionOfTheThread() {
        assertTrue(directory.seenInTransaction(ferro));
        assertFalse(ferro.inTransaction());
    }

    @Test
    void aQueryIsImmutableSoTheInjectedOneCanBeShared() {
        empty();
        people.create(new TckPerson("dave", 19));
        people.create(new TckPerson("erin", 45));

        Query<TckPerson> adults = people.where(TckPerson_.age.ge(21));

        assertSame(TckPerson.class, adults.model());
        assertEquals(1, adults.count());
        assertEquals(2, people.count());
        assertEquals(2, directory.people().count());
    }
}
