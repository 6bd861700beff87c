package dev.ferro.tck.transaction;

import dev.ferro.Ferro;
import dev.ferro.Query;
import dev.ferro.Transactional;
import dev.ferro.tck.model.TckAccount;
import dev.ferro.tck.model.TckAccount_;
import dev.ferro.tck.support.Requests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Transactional} on the application's beans: commit on return, rollback on any exception (rethrown
 * as it is, checked ones too), a nested call is a savepoint, on the class it covers every method.
 * What is committed is read in another request, on another connection.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class TransactionalContract {

    /** A checked exception of the application's own. */
    public static class InsufficientFunds extends Exception {
        private static final long serialVersionUID = 1L;

        public InsufficientFunds(String message) {
            super(message);
        }
    }

    @ApplicationScoped
    public static class Bank {
        @Inject
        Query<TckAccount> accounts;

        @Inject
        Ferro ferro;

        @Inject
        Audit audit;

        @Transactional
        public TckAccount open(String owner, long balance) {
            TckAccount account = accounts.create(new TckAccount(owner, balance));
            if (!ferro.inTransaction()) {
                throw new AssertionError("no transaction inside a @Transactional method");
            }
            return account;
        }

        @Transactional
        public void openThenFail(String owner, RuntimeException failure) {
            accounts.create(new TckAccount(owner, 1));
            throw failure;
        }

        /** Moves money, failing with a checked exception after the debit when the balance goes negative. */
        @Transactional
        public void transfer(String from, String to, long amount) throws InsufficientFunds {
            TckAccount source = accounts.where(TckAccount_.owner.eq(from)).one();
            TckAccount target = accounts.where(TckAccount_.owner.eq(to)).one();
            target.balance += amount;
            ferro.save(target);
            if (source.balance < amount) {
                throw new InsufficientFunds(from + " has " + source.balance);
            }
            source.balance -= amount;
            ferro.save(source);
        }

        /** The audit fails and is caught: only its own work is undone. */
        @Transactional
        public void openWithFailingAuditRecovered(String owner) {
            accounts.create(new TckAccount(owner, 10));
            try {
                audit.recordThenFail(owner + "-audit");
            } catch (IllegalStateException expected) {
                // the savepoint undid the audit's row
            }
            accounts.create(new TckAccount(owner + "-after", 20));
        }

        /** The audit fails and so does this method. */
        @Transactional
        public void openWithFailingAudit(String owner) {
            accounts.create(new TckAccount(owner, 10));
            audit.recordThenFail(owner + "-audit");
        }

        @Transactional
        public void openWithAudit(String owner) {
            accounts.create(new TckAccount(owner, 10));
            audit.record(owner + "-audit");
        }

        @Transactional
        public boolean transactional() {
            return ferro.inTransaction();
        }

        public boolean plain() {
            return ferro.inTransaction();
        }
    }

    @ApplicationScoped
    public static class Audit {
        @Inject
        Query<TckAccount> accounts;

        @Transactional
        public void record(String owner) {
            accounts.create(new TckAccount(owner, 0));
        }

        @Transactional
        public void recordThenFail(String owner) {
            accounts.create(new TckAccount(owner, 0));
            throw new IllegalStateException("audit fails");
        }
    }

    /** Every business method is transactional. */
    @Transactional
    @ApplicationScoped
    public static class Ledger {
        @Inject
        Query<TckAccount> accounts;

        @Inject
        Ferro ferro;

        public boolean inTransaction() {
            return ferro.inTransaction();
        }

        public void openTwoThenFail(String first, String second) {
            accounts.create(new TckAccount(first, 1));
            accounts.create(new TckAccount(second, 2));
            throw new UnsupportedOperationException("ledger fails");
        }
    }

    @Inject
    Bank bank;

    @Inject
    Ledger ledger;

    @Inject
    Ferro ferro;

    @Inject
    Query<TckAccount> accounts;

    @Inject
    Requests requests;

    /** Called first by each test (not a @BeforeEach: see InjectionContract). */
    private void empty() {
        accounts.delete();
    }

    /** The owners the database holds, as another request reads them. */
    private List<String> committed() {
        return requests.call(() -> accounts.orderBy(TckAccount_.owner.asc()).all().stream().map(a -> a.owner).toList());
    }

    @Test
    void aMethodThatReturnsCommitsAndItsResultComesBack() {
        empty();
        TckAccount opened = bank.open("alice", 100);

        assertNotNull(opened.id);
        assertEquals("alice", opened.owner);
        assertEquals(List.of("alice"), committed());
        assertFalse(ferro.inTransaction());
    }

    @Test
    void aRuntimeExceptionRollsBackAndIsRethrownAsItIs() {
        empty();
        IllegalArgumentException failure = new IllegalArgumentException("bad input");

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> bank.openThenFail("alice", failure));

        assertSame(failure, thrown);
        assertEquals(List.of(), committed());
        assertEquals(0, accounts.count(), "not in the request that ran the method either");
        assertFalse(ferro.inTransaction());
    }

    @Test
    void aCheckedExceptionRollsBackTheWritesBeforeItAndIsRethrownAsItIs() throws Exception {
        empty();
        bank.open("alice", 50);
        bank.open("bob", 0);

        InsufficientFunds thrown = assertThrows(InsufficientFunds.class, () -> bank.transfer("alice", "bob", 80));

        assertEquals("alice has 50", thrown.getMessage());
        assertEquals(List.of(50L, 0L), requests.call(() -> accounts.orderBy(TckAccount_.owner.asc()).all().stream().map(a -> a.balance).toList()));
        bank.transfer("alice", "bob", 30);
        assertEquals(List.of(20L, 30L), requests.call(() -> accounts.orderBy(TckAccount_.owner.asc()).all().stream().map(a -> a.balance).toList()));
    }

    @Test
    void aNestedCallThatFailsIsASavepointTheCallerCanRecoverFrom() {
        empty();
        bank.openWithFailingAuditRecovered("outer");

        assertEquals(List.of("outer", "outer-after"), committed());
    }

    @Test
    void aNestedFailureThatLeavesTheOuterMethodRollsEverythingBack() {
        empty();
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> bank.openWithFailingAudit("outer"));

        assertEquals("audit fails", thrown.getMessage());
        assertEquals(List.of(), committed());
    }

    @Test
    void aNestedCallCommitsOnlyWithTheOutermostTransaction() {
        empty();
        bank.openWithAudit("outer");
        assertEquals(List.of("outer", "outer-audit"), committed());

        assertThrows(IllegalStateException.class, () -> ferro.transaction(() -> {
            bank.open("in-caller", 5);
            throw new IllegalStateException("the caller fails after the method returned");
        }));

        assertEquals(List.of("outer", "outer-audit"), committed(), "the method's work went with the caller's rollback");
    }

    @Test
    void uncommittedWorkIsInvisibleToOtherRequestsUntilTheCommit() {
        empty();
        List<String> seenInside = ferro.transaction(() -> {
            bank.open("alice", 1);
            return committed();
        });

        assertEquals(List.of(), seenInside);
        assertEquals(List.of("alice"), committed());
    }

    @Test
    void onTheClassItAppliesToEveryMethod() {
        empty();
        assertTrue(ledger.inTransaction());

        UnsupportedOperationException thrown = assertThrows(UnsupportedOperationException.class, () -> ledger.openTwoThenFail("first", "second"));

        assertEquals("ledger fails", thrown.getMessage());
        assertEquals(List.of(), committed());
    }

    @Test
    void theTransactionIsOpenOnlyInsideAnnotatedMethods() {
        assertTrue(bank.transactional());
        assertFalse(bank.plain());
        assertFalse(ferro.inTransaction());
    }
}
