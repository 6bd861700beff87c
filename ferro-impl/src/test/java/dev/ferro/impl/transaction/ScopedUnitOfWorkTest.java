package dev.ferro.impl.transaction;

import dev.ferro.Ferro;
import dev.ferro.Query;
import dev.ferro.impl.FerroProviderImpl;
import dev.ferro.spi.ScopedUnitOfWork;
import dev.ferro.spi.UnitOfWorkScope;
import dev.ferro.impl.testing.DatabaseTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A unit of work bound to a scope (what the CDI extension does per request): every call inside the
 * scope shares one connection and one identity map, transactions in it run on that connection, and
 * closing the scope drops both. The scope here is a thread-bound stand-in for the request context.
 */
class ScopedUnitOfWorkTest extends DatabaseTest {
    /** Whether this thread is inside a request, and the request's unit of work once Ferro opened it. */
    private final ThreadLocal<Boolean> inRequest = ThreadLocal.withInitial(() -> false);
    private final ThreadLocal<ScopedUnitOfWork> request = new ThreadLocal<>();
    private final UnitOfWorkScope scope = open -> {
        if (!inRequest.get()) {
            return null;
        }
        if (request.get() == null) {
            request.set(open.get());
        }
        return request.get();
    };
    private Ferro scoped;

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {TxAccount.class};
    }

    @BeforeEach
    void connectWithScope() {
        scoped = new FerroProviderImpl().connect(database.url(), database.options().models(models()).listener(log), scope);
        ferro.query(TxAccount.class).create(new TxAccount("alice", 10));
        log.clear();
    }

    @AfterEach
    void closeScope() {
        endRequest();
        scoped.close();
    }

    private void beginRequest() {
        inRequest.set(true);
    }

    private void endRequest() {
        ScopedUnitOfWork unit = request.get();
        if (unit != null) {
            unit.close();
            request.remove();
        }
        inRequest.remove();
    }

    private Query<TxAccount> accounts() {
        return scoped.query(TxAccount.class);
    }

    @Test
    void callsInOneScopeShareTheIdentityMapOutsideAnyTransaction() {
        beginRequest();
        TxAccount first = accounts().get(1L);
        TxAccount second = accounts().get(1L);
        TxAccount listed = accounts().all().get(0);

        assertSame(first, second);
        assertSame(first, listed);
        assertEquals(2, log.selects(), "the second get is answered by the identity map");
    }

    @Test
    void separateScopesGetSeparateInstances() {
        beginRequest();
        TxAccount inFirst = accounts().get(1L);
        endRequest();
        beginRequest();
        TxAccount inSecond = accounts().get(1L);

        assertNotSame(inFirst, inSecond);
        assertEquals(2, log.selects());
    }

    @Test
    void withoutAScopeEachCallStandsAlone() {
        assertNotSame(accounts().get(1L), accounts().get(1L));
    }

    @Test
    void writesOutsideATransactionCommitAtOnceAndAreSeenByOtherThreads() throws Exception {
        beginRequest();
        accounts().create(new TxAccount("bob", 5));

        long seenElsewhere = CompletableFuture.supplyAsync(() -> ferro.query(TxAccount.class).count()).get();

        assertEquals(2, seenElsewhere);
    }

    @Test
    void aCommittedTransactionKeepsTheScopesIdentityMap() {
        beginRequest();
        TxAccount alice = accounts().get(1L);
        scoped.transaction(() -> {
            alice.balance = 25;
            scoped.save(alice);
        });
        log.clear();

        assertSame(alice, accounts().get(1L));
        assertEquals(0, log.count());
        assertEquals(25, ferro.query(TxAccount.class).get(1L).balance);
        assertEquals(false, scoped.inTransaction());
    }

    @Test
    void aRolledBackTransactionClearsTheScopesIdentityMapAndUndoesItsWrites() {
        beginRequest();
        TxAccount alice = accounts().get(1L);
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> scoped.transaction(() -> {
            accounts().create(new TxAccount("carol", 1));
            throw new IllegalStateException("boom");
        }));
        log.clear();

        TxAccount reloaded = accounts().get(1L);

        assertEquals("boom", failure.getMessage());
        assertNotSame(alice, reloaded);
        assertEquals(1, log.selects());
        assertEquals(1, ferro.query(TxAccount.class).count());
    }

    @Test
    void aTransactionInTheScopeSeesTheScopesInstances() {
        beginRequest();
        TxAccount before = accounts().get(1L);

        TxAccount inside = scoped.transaction(() -> accounts().get(1L));

        assertSame(before, inside);
    }

    @Test
    void closingTheScopeAfterAFailedAutocommitStatementLeavesLaterScopesWorking() {
        beginRequest();
        assertThrows(dev.ferro.UniqueViolationException.class, () -> accounts().create(new TxAccount("alice", 1)));
        scoped.transaction(() -> accounts().create(new TxAccount("dave", 2)));
        endRequest();
        beginRequest();

        assertEquals(2, accounts().count());
    }
}
