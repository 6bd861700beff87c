package dev.ferro.tck.jta;

import dev.ferro.Ferro;
import dev.ferro.Query;
import dev.ferro.UniqueViolationException;
import dev.ferro.tck.BeanDiscovery;
import dev.ferro.tck.TckDeployment;
import dev.ferro.tck.model.TckAccount;
import dev.ferro.tck.model.TckAccount_;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionalException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ferro inside the container's JTA transaction: with {@code ferro.datasource} naming the server's
 * {@code java:comp/DefaultDataSource}, Ferro's work in a {@code jakarta.transaction.Transactional} method runs on
 * connections the container enlists, the container commits or rolls back, and a failing Ferro block marks the JTA
 * transaction rollback-only. Outside a JTA transaction Ferro owns its transactions on the container's connections.
 *
 * <p>Only for containers with JTA and JNDI (application servers; not Weld embedded). The database is the
 * server's own DataSource whatever the run's {@code ferro.tck.url}: the deployment leaves {@code ferro.url},
 * {@code ferro.username} and {@code ferro.password} out.
 *
 * <p>What is committed is read after the JTA method has returned, in the test's own request and outside any
 * transaction (Ferro's request unit of work, a connection of its own in autocommit).
 */
@ExtendWith(ArquillianExtension.class)
public class JtaTest {
    static final String DATASOURCE = "java:comp/DefaultDataSource";
    static final String REGISTRY = "java:comp/TransactionSynchronizationRegistry";

    @Deployment
    public static WebArchive deployment() {
        return TckDeployment.of(JtaTest.class)
                .discovery(BeanDiscovery.ANNOTATED)
                .models(TckAccount.class)
                .onDataSource(DATASOURCE)
                .config("ferro.schema", "create")
                .build();
    }

    /**
     * The container's view of the current JTA transaction. A class of its own: the test class's method signatures
     * name no JTA type, because JUnit reflects on them on the client, where the JTA API is not on the class path.
     */
    static final class Jta {
        private Jta() {
        }

        static TransactionSynchronizationRegistry registry() {
            try {
                return (TransactionSynchronizationRegistry) new InitialContext().lookup(REGISTRY);
            } catch (NamingException e) {
                throw new IllegalStateException(REGISTRY + " is not in JNDI", e);
            }
        }

        static int status() {
            return registry().getTransactionStatus();
        }

        static boolean rollbackOnly() {
            return registry().getRollbackOnly();
        }
    }

    /** What a JTA method saw of its transaction and of Ferro's identity map. */
    public record Seen(boolean jtaActive, boolean rollbackOnly, boolean sameInBlock, boolean createdIsLoaded,
                       long countAfterBlock) {
    }

    /** Methods in JTA transactions of the container's (REQUIRED, the default). */
    @ApplicationScoped
    public static class Shop {
        @Inject
        Query<TckAccount> accounts;

        @Inject
        Ferro ferro;

        @Inject
        Audit audit;

        @Transactional
        public TckAccount open(String owner) {
            if (Jta.status() != Status.STATUS_ACTIVE) {
                throw new AssertionError("no active JTA transaction inside a jakarta.transaction.Transactional method");
            }
            return accounts.create(new TckAccount(owner, 10));
        }

        @Transactional
        public void openThenFail(String owner) {
            accounts.create(new TckAccount(owner, 10));
            throw new IllegalStateException("shop fails");
        }

        /**
         * A Ferro block fails inside the JTA transaction and the method catches the failure: returns whether the
         * JTA transaction was rollback-only afterwards.
         */
        @Transactional
        public boolean openThenRecoverFromAFailedBlock(String owner) {
            accounts.create(new TckAccount(owner, 10));
            IllegalStateException failure = new IllegalStateException("block fails");
            try {
                ferro.transaction(() -> {
                    accounts.create(new TckAccount(owner + "-block", 20));
                    throw failure;
                });
                throw new AssertionError("the block's failure did not come out of ferro.transaction");
            } catch (IllegalStateException thrown) {
                if (thrown != failure) {
                    throw new AssertionError("ferro.transaction did not rethrow the block's failure as it is", thrown);
                }
            }
            return Jta.rollbackOnly();
        }

        /** The audit ({@code @dev.ferro.Transactional}) returns, then this method fails. */
        @Transactional
        public void openWithAuditThenFail(String owner) {
            accounts.create(new TckAccount(owner, 10));
            audit.record(owner + "-audit");
            throw new IllegalStateException("shop fails after the audit");
        }

        @Transactional
        public void openWithAudit(String owner) {
            accounts.create(new TckAccount(owner, 10));
            audit.record(owner + "-audit");
        }

        /**
         * In a Ferro block, a nested {@code @dev.ferro.Transactional} call fails and the block completes: returns
         * whether the JTA transaction was rollback-only afterwards. The block writes nothing after the failure: a
         * container may refuse any statement in a rollback-only transaction (WildFly's IronJacamar does, IJ031070).
         */
        @Transactional
        public boolean openWithFailingAuditRecovered(String owner) {
            ferro.transaction(() -> {
                accounts.create(new TckAccount(owner, 10));
                try {
                    audit.recordThenFail(owner + "-audit");
                    throw new AssertionError("the audit's failure did not come out of it");
                } catch (IllegalArgumentException expected) {
                    // no savepoint to go back to in a JTA transaction
                }
            });
            return Jta.rollbackOnly();
        }

        /** The second owner is taken: the unique violation leaves the method. */
        @Transactional
        public void openTwo(String first, String second) {
            accounts.create(new TckAccount(first, 10));
            accounts.create(new TckAccount(second, 20));
        }

        /** Inside one JTA transaction: a Ferro block shares one identity map; its writes are visible after it. */
        @Transactional
        public Seen identity(long id, String created) {
            boolean[] same = new boolean[2];
            ferro.transaction(() -> {
                TckAccount first = accounts.get(id);
                TckAccount again = accounts.get(id);
                same[0] = first == again;
                TckAccount fresh = accounts.create(new TckAccount(created, 30));
                same[1] = accounts.get(fresh.id) == fresh;
            });
            long count = accounts.count();
            return new Seen(Jta.status() == Status.STATUS_ACTIVE, Jta.rollbackOnly(), same[0], same[1], count);
        }

        /** No transaction of any kind: each Ferro call commits on its own. */
        public void openTwoThenFailWithoutTransaction(String first, String second) {
            accounts.create(new TckAccount(first, 10));
            accounts.create(new TckAccount(second, 20));
            throw new IllegalStateException("no transaction to roll back");
        }
    }

    /** Ferro's own interceptor binding: inside a JTA transaction it joins it. */
    @ApplicationScoped
    public static class Audit {
        @Inject
        Query<TckAccount> accounts;

        @Inject
        Ferro ferro;

        @dev.ferro.Transactional
        public void record(String owner) {
            accounts.create(new TckAccount(owner, 0));
            if (!ferro.inTransaction()) {
                throw new AssertionError("not in a Ferro transaction inside a @dev.ferro.Transactional method");
            }
        }

        @dev.ferro.Transactional
        public void recordThenFail(String owner) {
            accounts.create(new TckAccount(owner, 0));
            throw new IllegalArgumentException("audit fails");
        }
    }

    @Inject
    Shop shop;

    @Inject
    Audit audit;

    @Inject
    Ferro ferro;

    @Inject
    Query<TckAccount> accounts;

    /** Called first by each test (not a @BeforeEach: see the README); the test itself runs outside any JTA transaction. */
    private void empty() {
        assertEquals(Status.STATUS_NO_TRANSACTION, Jta.status(), "the test runs outside any JTA transaction");
        accounts.delete();
    }

    /** The owners the database holds, read outside any transaction. */
    private List<String> committed() {
        return accounts.orderBy(TckAccount_.owner.asc()).all().stream().map(a -> a.owner).toList();
    }

    @Test
    void aJtaMethodThatReturnsCommits() {
        empty();
        TckAccount opened = shop.open("alice");

        assertNotNull(opened.id);
        assertEquals(List.of("alice"), committed());
        assertEquals(Status.STATUS_NO_TRANSACTION, Jta.status());
    }

    /** Ferro joined the JTA transaction: on a connection of its own, autocommit would have kept the row. */
    @Test
    void aJtaMethodThatThrowsIsRolledBackByTheContainerWithFerrosWrites() {
        empty();
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> shop.openThenFail("alice"));

        assertEquals("shop fails", thrown.getMessage());
        assertEquals(List.of(), committed());
    }

    /**
     * A failed {@code ferro.transaction} block marks the JTA transaction rollback-only even when the method catches
     * the failure: the container rolls back the method's earlier write too. Whether the caller then sees an
     * exception is the container's, and the Jakarta Transactions specification does not say: the
     * {@code @Transactional} interceptors of WildFly 39 (Narayana), Open Liberty 26 and Payara 6 all roll a
     * rollback-only transaction back and return normally. A container that reports it must throw
     * {@link TransactionalException} caused by {@link RollbackException}.
     */
    @Test
    void aFailedFerroBlockCaughtInsideTheJtaMethodMarksTheTransactionRollbackOnly() {
        empty();
        Boolean rollbackOnly;
        try {
            rollbackOnly = shop.openThenRecoverFromAFailedBlock("alice");
        } catch (RuntimeException reported) {
            assertInstanceOf(TransactionalException.class, reported, () -> "the container reported the rollback with " + reported);
            assertInstanceOf(RollbackException.class, reported.getCause(), () -> "the cause of " + reported);
            rollbackOnly = null;
        }

        if (rollbackOnly != null) {
            assertTrue(rollbackOnly, "the JTA transaction is rollback-only after the failed Ferro block");
        }
        assertEquals(List.of(), committed(), "the method's write before the block went with the rollback");
        assertEquals(Status.STATUS_NO_TRANSACTION, Jta.status());
    }

    @Test
    void aFerroTransactionalMethodJoinsTheJtaTransaction() {
        empty();
        shop.openWithAudit("alice");
        assertEquals(List.of("alice", "alice-audit"), committed(), "committed with the JTA transaction");

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> shop.openWithAuditThenFail("bob"));

        assertEquals("shop fails after the audit", thrown.getMessage());
        assertEquals(List.of("alice", "alice-audit"), committed(), "the audit's write, returned from, went with the JTA rollback");
    }

    /**
     * A JTA transaction has no savepoints: a nested Ferro transaction that fails inside an outer block marks the whole
     * JTA transaction rollback-only, even though the outer block catches the failure and completes (where Ferro owns
     * the transaction, the nested call is a savepoint and the rest commits: see TransactionalContract).
     */
    @Test
    void aFailedNestedFerroTransactionIsNoSavepointAndDoomsTheJtaTransaction() {
        empty();
        Boolean rollbackOnly;
        try {
            rollbackOnly = shop.openWithFailingAuditRecovered("outer");
        } catch (RuntimeException reported) {
            assertInstanceOf(TransactionalException.class, reported, () -> "the container reported the rollback with " + reported);
            assertInstanceOf(RollbackException.class, reported.getCause(), () -> "the cause of " + reported);
            rollbackOnly = null;
        }

        if (rollbackOnly != null) {
            assertTrue(rollbackOnly, "the JTA transaction is rollback-only after the nested failure");
        }
        assertEquals(List.of(), committed(), "the outer block's write before the nested failure went with the rollback");
    }

    @Test
    void aUniqueViolationLeavingTheJtaMethodUndoesItsOtherWrites() {
        empty();
        shop.open("taken");

        UniqueViolationException thrown = assertThrows(UniqueViolationException.class, () -> shop.openTwo("fresh", "taken"));

        assertNotNull(thrown.getMessage());
        assertEquals(List.of("taken"), committed());
    }

    /**
     * Inside a Ferro block in a JTA transaction, Ferro shares one unit of work: the same id gives the same instance,
     * and the block's writes are seen by the rest of the JTA transaction (the container's connection). Outside a
     * Ferro block, each call in a JTA transaction runs on a connection of its own from the DataSource and keeps no
     * identity map (the CDI request's unit of work is not used in a JTA transaction), so this test promises nothing
     * about instances there.
     */
    @Test
    void withinAFerroBlockOfAJtaTransactionTheSameIdGivesTheSameInstance() {
        empty();
        TckAccount alice = shop.open("alice");

        Seen seen = shop.identity(alice.id, "bob");

        assertTrue(seen.jtaActive(), "still in the JTA transaction after the Ferro block");
        assertFalse(seen.rollbackOnly());
        assertTrue(seen.sameInBlock(), "the same id gives the same instance within the block");
        assertTrue(seen.createdIsLoaded(), "an instance created in the block is the one loaded by its id");
        assertEquals(2, seen.countAfterBlock(), "the block's write is seen after it, in the same JTA transaction");
        assertEquals(List.of("alice", "bob"), committed());
    }

    /** Without a JTA transaction, on the container's DataSource, Ferro owns its transactions again. */
    @Test
    void outsideAJtaTransactionFerroCommitsAndRollsBackOnItsOwn() {
        empty();
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> shop.openTwoThenFailWithoutTransaction("alice", "bob"));
        assertEquals("no transaction to roll back", thrown.getMessage());
        assertEquals(List.of("alice", "bob"), committed(), "each call committed on its own");

        IllegalArgumentException failed = assertThrows(IllegalArgumentException.class, () -> audit.recordThenFail("carol"));
        assertEquals("audit fails", failed.getMessage());
        audit.record("dave");
        TckAccount erin = ferro.transaction(() -> accounts.create(new TckAccount("erin", 1)));

        assertNotNull(erin.id);
        assertEquals(List.of("alice", "bob", "dave", "erin"), committed(), "Ferro's own rollback undid carol; dave and erin committed");
        assertSame(accounts.get(erin.id), accounts.get(erin.id), "the request's identity map, outside JTA");
    }
}
