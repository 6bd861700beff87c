package dev.ferro.tck.conflict;

import dev.ferro.Ferro;
import dev.ferro.InvalidQueryException;
import dev.ferro.LockTimeoutException;
import dev.ferro.OptimisticLockException;
import dev.ferro.Query;
import dev.ferro.RowLock;
import dev.ferro.Transactional;
import dev.ferro.TransientDataAccessException;
import dev.ferro.tck.model.TckWallet;
import dev.ferro.tck.model.TckWallet_;
import dev.ferro.tck.support.Requests;
import dev.ferro.tck.support.TckSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Concurrent writes of one row, through the application's beans and requests: a {@code @Version} field counts
 * the saves and turns a stale save or delete into an {@link OptimisticLockException}, which
 * {@code @Transactional(retries = n)} re-runs; {@code forUpdate()} locks the rows it reads inside a transaction
 * (and is refused outside one) and refreshes the instance the request holds; update expressions
 * ({@code add}, {@code subtract}, {@code multiply}, {@code setFrom}) are computed by the database on the row.
 *
 * <p>The competing writers are other requests on threads of their own ({@link Requests}); what is committed is
 * read over plain SQL in another request, so that no identity map stands between the test and the row.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class WriteConflictContract {
    private static final int THREADS = 2;
    private static final int LOCKED_INCREMENTS = 20;
    private static final int ADDITIONS = 50;

    @ApplicationScoped
    public static class Payments {
        @Inject
        Query<TckWallet> wallets;

        @Inject
        Ferro ferro;

        @Inject
        Requests requests;

        private final AtomicInteger attempts = new AtomicInteger();

        /** How many times {@link #payIn} began (read through the client proxy, hence a method). */
        public int attempts() {
            return attempts.get();
        }

        public void resetAttempts() {
            attempts.set(0);
        }

        /**
         * Reads the wallet and adds {@code amount}; in the first attempt only, another request commits
         * {@code concurrent} more to the same row between the read and the save, so that attempt's save is stale.
         */
        @Transactional(retries = 3)
        public TckWallet payIn(long id, long amount, long concurrent) {
            int attempt = attempts.incrementAndGet();
            TckWallet wallet = wallets.get(id);
            if (attempt == 1) {
                requests.run(() -> {
                    TckWallet other = wallets.get(id);
                    other.balance += concurrent;
                    ferro.save(other);
                });
            }
            wallet.balance += amount;
            ferro.save(wallet);
            return wallet;
        }

        /**
         * Reads the wallet with a row lock and, while the lock is held, has another request try to lock it
         * without waiting: the balance read, and what the other request met (null if it got the row).
         */
        @Transactional
        public Object[] lockedBalanceAndWhatAnotherLockerMeets(long id) {
            TckWallet locked = wallets.forUpdate().get(id);
            RuntimeException other = requests.call(() -> {
                try {
                    ferro.transaction(() -> wallets.forUpdate(RowLock.NO_WAIT).get(id));
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            });
            return new Object[] {locked.balance, other};
        }
    }

    /** A row as the database holds it. */
    record Row(long balance, long savings, long version) {
    }

    @Inject
    Payments payments;

    @Inject
    Query<TckWallet> wallets;

    @Inject
    Ferro ferro;

    @Inject
    Requests requests;

    /** Called first by each test (not a @BeforeEach: see InjectionContract). */
    private void reset() {
        wallets.delete();
        payments.resetAttempts();
    }

    /** A new wallet, created in another request (so that this request holds no instance of it): its id. */
    private long wallet(String owner, long balance) {
        return requests.call(() -> wallets.create(new TckWallet(owner, balance)).id);
    }

    /** The committed row, over plain SQL in another request. */
    private Row stored(long id) {
        Map<String, Object> row = requests.call(() -> ferro.fetchOne(
                "SELECT balance, savings, version FROM tck_wallet WHERE id = ?", id).orElseThrow(
                        () -> new AssertionError("no row tck_wallet " + id)));
        return new Row(((Number) row.get("balance")).longValue(), ((Number) row.get("savings")).longValue(),
                ((Number) row.get("version")).longValue());
    }

    private TckWallet loadedInAnotherRequest(long id) {
        return requests.call(() -> wallets.get(id));
    }

    // ---------------------------------------------------------------- @Version

    @Test
    void createStartsTheVersionAtOneAndASaveOfALoadedWalletBumpsItToExactlyTwo() {
        reset();
        TckWallet created = wallets.create(new TckWallet("alice", 10));

        assertEquals(1L, created.version);
        assertEquals(new Row(10, 0, 1), stored(created.id));

        TckWallet saved = requests.call(() -> {
            TckWallet loaded = wallets.get(created.id);
            loaded.balance = 20;
            ferro.save(loaded);
            return loaded;
        });

        assertEquals(2L, saved.version);
        assertEquals(new Row(20, 0, 2), stored(created.id));
    }

    @Test
    void aStaleSaveThrowsNamingModelKeyAndVersionAndTheFirstWriterWins() {
        reset();
        long id = wallet("bob", 10);
        TckWallet first = loadedInAnotherRequest(id);
        TckWallet second = loadedInAnotherRequest(id);
        first.balance = 11;
        requests.run(() -> ferro.save(first));

        second.balance = 99;
        OptimisticLockException e = requests.call(() -> assertThrows(OptimisticLockException.class, () -> ferro.save(second)));

        assertEquals(TckWallet.class, e.model());
        assertEquals(id, e.key());
        assertEquals(1L, e.expectedVersion());
        assertInstanceOf(TransientDataAccessException.class, e, "a stale save is worth a retry");
        assertTrue(e.getMessage().contains("TckWallet " + id) && e.getMessage().contains("version 1"), e.getMessage());
        assertEquals(1L, second.version, "nothing was written, so the model keeps the version it was read with");
        assertEquals(new Row(11, 0, 2), stored(id));
    }

    @Test
    void aStaleDeleteThrowsAndTheRowStays() {
        reset();
        long id = wallet("carol", 10);
        TckWallet stale = loadedInAnotherRequest(id);
        requests.run(() -> {
            TckWallet fresh = wallets.get(id);
            fresh.balance = 12;
            ferro.save(fresh);
        });

        OptimisticLockException e = requests.call(() -> assertThrows(OptimisticLockException.class, () -> ferro.delete(stale)));

        assertEquals(TckWallet.class, e.model());
        assertEquals(id, e.key());
        assertEquals(1L, e.expectedVersion());
        assertEquals(1L, requests.call(wallets::count));
        assertEquals(new Row(12, 0, 2), stored(id));
    }

    @Test
    void aRetriedMethodWhoseFirstAttemptMetAConcurrentWriterSucceedsOnTheSecond() {
        reset();
        long id = wallet("dave", 100);

        TckWallet paid = payments.payIn(id, 1, 10);

        assertEquals(2, payments.attempts(), "the first attempt's save was stale, the second read the row afresh");
        assertEquals(111L, paid.balance, "the second attempt built on the concurrent writer's change");
        assertEquals(3L, paid.version);
        assertEquals(new Row(111, 0, 3), stored(id));
        assertFalse(ferro.inTransaction());
    }

    @Test
    void theRequestsIdentityMapDoesNotHideAConflict() {
        reset();
        long id = wallet("erin", 10);
        TckWallet held = wallets.get(id);
        requests.run(() -> {
            TckWallet other = wallets.get(id);
            other.balance = 50;
            ferro.save(other);
        });

        assertSame(held, wallets.get(id), "the request keeps its instance");
        assertEquals(10L, held.balance);
        held.balance = 99;
        OptimisticLockException e = assertThrows(OptimisticLockException.class, () -> ferro.save(held));

        assertEquals(id, e.key());
        assertEquals(1L, e.expectedVersion());
        assertEquals(new Row(50, 0, 2), stored(id));
    }

    // ---------------------------------------------------------------- forUpdate

    @Test
    void forUpdateOutsideATransactionIsRefused() {
        reset();
        long id = wallet("frank", 10);

        InvalidQueryException byKey = assertThrows(InvalidQueryException.class, () -> wallets.forUpdate().get(id));
        InvalidQueryException all = assertThrows(InvalidQueryException.class, () -> wallets.forUpdate(RowLock.NO_WAIT).all());

        assertTrue(byKey.getMessage().contains("forUpdate()") && byKey.getMessage().contains("outside a transaction"),
                byKey.getMessage());
        assertTrue(all.getMessage().contains("outside a transaction"), all.getMessage());
        assertFalse(ferro.inTransaction());
        assertEquals(new Row(10, 0, 1), stored(id));
    }

    @Test
    void forUpdateInsideATransactionalMethodReturnsTheRowAndHoldsItsLock() {
        reset();
        long id = wallet("grace", 42);

        Object[] result = payments.lockedBalanceAndWhatAnotherLockerMeets(id);

        assertEquals(42L, result[0]);
        assertInstanceOf(LockTimeoutException.class, result[1], "NO_WAIT on the row the method had locked");
        assertFalse(ferro.inTransaction());
    }

    @Test
    void lockedIncrementsFromTwoRequestsLoseNothing() {
        reset();
        long id = wallet("heidi", 1000);
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(requests.start(() -> {
                TckSupport.await(start);
                for (int i = 0; i < LOCKED_INCREMENTS; i++) {
                    // The request's identity map holds the wallet after the first round: only the locked read's
                    // refresh gives this round the version the other thread's commit left.
                    ferro.transaction(() -> {
                        TckWallet wallet = wallets.forUpdate().get(id);
                        wallet.balance += 1;
                        ferro.save(wallet);
                    });
                }
                return null;
            }));
        }
        for (CompletableFuture<Void> worker : workers) {
            Requests.join(worker);
        }

        assertEquals(new Row(1000 + THREADS * LOCKED_INCREMENTS, 0, 1 + THREADS * LOCKED_INCREMENTS), stored(id));
    }

    @Test
    void aLockedReadRefreshesTheInstanceTheRequestHolds() {
        reset();
        long id = wallet("ivan", 10);
        TckWallet held = wallets.get(id);
        requests.run(() -> wallets.where(TckWallet_.id.eq(id)).update(TckWallet_.balance.set(99L)));

        ferro.transaction(() -> {
            assertSame(held, wallets.get(id), "a plain read is served by the request's identity map");
            assertEquals(10L, held.balance);

            TckWallet locked = wallets.forUpdate().get(id);

            assertSame(held, locked, "the locked read refreshed the instance the request holds");
            assertEquals(99L, locked.balance);
            assertEquals(2L, locked.version);
            locked.balance += 1;
            ferro.save(locked);
        });

        assertEquals(100L, held.balance);
        assertEquals(new Row(100, 0, 3), stored(id));
    }

    // ---------------------------------------------------------------- update expressions

    @Test
    void addSubtractAndMultiplyComputeFromTheRowsOwnValue() {
        reset();
        long a = wallet("a", 10);
        long b = wallet("b", 20);
        long c = wallet("c", 30);

        assertEquals(1L, wallets.where(TckWallet_.id.eq(a)).update(TckWallet_.balance.add(5L)));
        assertEquals(1L, wallets.where(TckWallet_.id.eq(b)).update(TckWallet_.balance.subtract(7L)));
        assertEquals(1L, wallets.where(TckWallet_.id.eq(c)).update(TckWallet_.balance.multiply(3L)));
        assertEquals(3L, wallets.update(TckWallet_.balance.add(1L), TckWallet_.savings.subtract(2L)));

        assertEquals(new Row(16, -2, 3), stored(a));
        assertEquals(new Row(14, -2, 3), stored(b));
        assertEquals(new Row(91, -2, 3), stored(c));
    }

    @Test
    void concurrentAdditionsFromTwoRequestsAllCount() {
        reset();
        long id = wallet("judy", 0);
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(requests.start(() -> {
                TckSupport.await(start);
                for (int i = 0; i < ADDITIONS; i++) {
                    wallets.where(TckWallet_.id.eq(id)).update(TckWallet_.balance.add(1L));
                }
                return null;
            }));
        }
        for (CompletableFuture<Void> worker : workers) {
            Requests.join(worker);
        }

        assertEquals(new Row(THREADS * ADDITIONS, 0, 1 + THREADS * ADDITIONS), stored(id));
    }

    @Test
    void setFromCopiesEachRowsOwnValueOfAnotherColumn() {
        reset();
        long low = wallet("low", 10);
        long mid = wallet("mid", 20);
        long high = wallet("high", 30);

        long changed = wallets.where(TckWallet_.balance.ge(20L)).update(TckWallet_.savings.setFrom(TckWallet_.balance));

        assertEquals(2L, changed);
        assertEquals(new Row(10, 0, 1), stored(low));
        assertEquals(new Row(20, 20, 2), stored(mid));
        assertEquals(new Row(30, 30, 2), stored(high));
    }

    @Test
    void aBulkUpdateBumpsTheVersionOfEveryRowItChangesAndOnlyThose() {
        reset();
        long low = wallet("low", 10);
        long mid = wallet("mid", 20);
        long high = wallet("high", 30);
        TckWallet staleMid = loadedInAnotherRequest(mid);

        long changed = wallets.where(TckWallet_.balance.ge(20L)).update(TckWallet_.balance.add(5L));

        assertEquals(2L, changed);
        assertEquals(new Row(10, 0, 1), stored(low));
        assertEquals(new Row(25, 0, 2), stored(mid));
        assertEquals(new Row(35, 0, 2), stored(high));
        staleMid.balance = 0;
        OptimisticLockException e = requests.call(() -> assertThrows(OptimisticLockException.class, () -> ferro.save(staleMid)));
        assertEquals(1L, e.expectedVersion());
        assertEquals(new Row(25, 0, 2), stored(mid));
    }
}
