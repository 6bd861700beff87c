package dev.ferro.cdi;

import dev.ferro.Ferro;
import dev.ferro.Query;
import dev.ferro.Transactional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Transactional} on CDI beans: commit on return, rollback on any exception (rethrown as it
 * is, checked ones too), a nested call is a savepoint of the caller's transaction. No request is
 * active here, so each check below reads what the database committed.
 */
@EnableWeld
class TransactionalInterceptorTest {

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld()
            .addExtensions(new FerroExtension())
            .addBeanClasses(Accounts.class, Inner.class, Ledger.class)).build();

    @Inject
    Ferro ferro;

    @Inject
    Accounts accounts;

    @Inject
    Ledger ledger;

    /** A checked exception of the application's own. */
    public static class InsufficientFunds extends Exception {
        private static final long serialVersionUID = 1L;

        public InsufficientFunds(String message) {
            super(message);
        }
    }

    @ApplicationScoped
    public static class Accounts {
        @Inject
        Query<Person> people;

        @Inject
        Ferro ferro;

        @Inject
        Inner inner;

        @Transactional
        public Person create(String name) {
            Person person = people.create(new Person(name));
            if (!ferro.inTransaction()) {
                throw new AssertionError("not in a transaction inside a @Transactional method");
            }
            return person;
        }

        @Transactional
        public void createThenThrow(String name, RuntimeException failure) {
            people.create(new Person(name));
            throw failure;
        }

        @Transactional
        public void createThenThrowChecked(String name, InsufficientFunds failure) throws InsufficientFunds {
            people.create(new Person(name));
            throw failure;
        }

        /** The inner call fails and is caught: only the inner work is undone. */
        @Transactional
        public void createAndRecoverFromInner(String outerName, String innerName) {
            people.create(new Person(outerName));
            try {
                inner.createThenThrow(innerName);
            } catch (IllegalStateException expected) {
                // recovered: the savepoint undid the inner work
            }
            people.create(new Person(outerName + "-after"));
        }

        /** The inner call fails and the failure leaves this method too. */
        @Transactional
        public void createAndLetInnerFail(String outerName, String innerName) {
            people.create(new Person(outerName));
            inner.createThenThrow(innerName);
        }

        @Transactional
        public void createWithInner(String outerName, String innerName) {
            people.create(new Person(outerName));
            inner.create(innerName);
        }

        @Transactional
        public boolean transactionalInTransaction() {
            return ferro.inTransaction();
        }

        public boolean plainInTransaction() {
            return ferro.inTransaction();
        }
    }

    @ApplicationScoped
    public static class Inner {
        @Inject
        Query<Person> people;

        @Transactional
        public void create(String name) {
            people.create(new Person(name));
        }

        @Transactional
        public void createThenThrow(String name) {
            people.create(new Person(name));
            throw new IllegalStateException("inner fails");
        }
    }

    /** Every business method is transactional. */
    @Transactional
    @ApplicationScoped
    public static class Ledger {
        @Inject
        Query<Person> people;

        @Inject
        Ferro ferro;

        public boolean inTransaction() {
            return ferro.inTransaction();
        }

        public void createTwoThenThrow(String first, String second) {
            people.create(new Person(first));
            people.create(new Person(second));
            throw new UnsupportedOperationException("ledger fails");
        }
    }

    @BeforeEach
    void empty() {
        ferro.execute("DELETE FROM cdi_person");
    }

    /** The names the database holds, read with raw SQL (no identity map). */
    private List<String> names() {
        return ferro.fetchAll("SELECT name FROM cdi_person ORDER BY name").stream()
                .map(row -> (String) row.get("name")).toList();
    }

    @Test
    void aMethodThatReturnsCommitsAndItsResultComesBack() {
        Person created = accounts.create("alice");

        assertNotNull(created.id);
        assertEquals("alice", created.name);
        assertEquals(List.of("alice"), names());
        assertFalse(ferro.inTransaction());
    }

    @Test
    void aRuntimeExceptionRollsBackAndIsRethrownAsItIs() {
        IllegalArgumentException failure = new IllegalArgumentException("bad input");

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> accounts.createThenThrow("alice", failure));

        assertSame(failure, thrown);
        assertEquals(List.of(), names());
        assertFalse(ferro.inTransaction());
    }

    @Test
    void aCheckedExceptionRollsBackAndIsRethrownAsItIs() {
        InsufficientFunds failure = new InsufficientFunds("balance too low");

        InsufficientFunds thrown = assertThrows(InsufficientFunds.class,
                () -> accounts.createThenThrowChecked("alice", failure));

        assertSame(failure, thrown);
        assertEquals(0, thrown.getSuppressed().length);
        assertEquals(List.of(), names());
        assertFalse(ferro.inTransaction());
    }

    @Test
    void aNestedCallThatFailsIsASavepointTheCallerCanRecoverFrom() {
        accounts.createAndRecoverFromInner("outer", "inner");

        assertEquals(List.of("outer", "outer-after"), names());
    }

    @Test
    void aNestedFailureThatLeavesTheOuterMethodRollsEverythingBack() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> accounts.createAndLetInnerFail("outer", "inner"));

        assertEquals("inner fails", thrown.getMessage());
        assertEquals(List.of(), names());
    }

    @Test
    void aNestedCallCommitsOnlyWithTheOutermostTransaction() {
        accounts.createWithInner("outer", "inner");
        assertEquals(List.of("inner", "outer"), names());

        assertThrows(IllegalStateException.class, () -> ferro.transaction(() -> {
            accounts.create("in-caller-transaction");
            throw new IllegalStateException("the caller fails after the method returned");
        }));

        assertEquals(List.of("inner", "outer"), names(), "the method's work went with the caller's rollback");
    }

    @Test
    void onTheClassItAppliesToEveryMethod() {
        assertTrue(ledger.inTransaction());

        UnsupportedOperationException thrown = assertThrows(UnsupportedOperationException.class,
                () -> ledger.createTwoThenThrow("first", "second"));

        assertEquals("ledger fails", thrown.getMessage());
        assertEquals(List.of(), names());
    }

    @Test
    void theTransactionIsOpenInsideTheMethodOnlyAndOnlyWhereTheBindingIs() {
        assertTrue(accounts.transactionalInTransaction());
        assertFalse(ferro.inTransaction());
        assertFalse(accounts.plainInTransaction());
    }
}
