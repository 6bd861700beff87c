package dev.ferro.impl.concurrency;

import dev.ferro.InvalidQueryException;
import dev.ferro.LockTimeoutException;
import dev.ferro.Query;
import dev.ferro.RowLock;
import dev.ferro.TransactionOptions;
import dev.ferro.impl.testing.Database;
import dev.ferro.impl.testing.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code forUpdate()}: the rows a transaction reads stay its own until it ends. */
class RowLockTest extends DatabaseTest {
    private Query<CcAccount> accounts;
    private long id;

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {CcAccount.class};
    }

    @BeforeEach
    void oneAccount() {
        accounts = ferro.query(CcAccount.class);
        id = accounts.create(new CcAccount("a", 10)).id;
        log.clear();
    }

    @Test
    void forUpdateOutsideATransactionIsRefusedBeforeAnySql() {
        InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> accounts.forUpdate().get(id));

        assertEquals("forUpdate() on CcAccount is refused outside a transaction, where the lock would end with the statement:"
                + " run it inside ferro.transaction(...) or a @Transactional method", e.getMessage());
        assertEquals(0, log.count());
    }

    @Test
    void forUpdateInAReadOnlyTransactionIsRefused() {
        InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> ferro.transaction(
                TransactionOptions.defaults().readOnly(true), () -> accounts.forUpdate().all()));

        assertEquals("forUpdate() on CcAccount is refused in a read-only transaction: run it inside ferro.transaction(...)"
                + " or a @Transactional method", e.getMessage());
    }

    @Test
    void theLockIsTheSelectsLastClause() {
        ferro.transaction(() -> accounts.where(CcAccount_.balance.ge(0L)).orderBy(CcAccount_.id.asc()).limit(5).forUpdate().all());

        String select = log.entries().stream().map(e -> e.sql()).filter(sql -> sql.startsWith("SELECT")).findFirst().orElseThrow();
        if (database == Database.SQLITE) {
            assertTrue(select.endsWith("LIMIT ?"), select);
        } else {
            assertTrue(select.endsWith("LIMIT ? FOR UPDATE"), select);
        }
    }

    @Test
    void aLockedStreamReadsTheRowsInsideATransactionAndIsRefusedOutside() {
        accounts.create(new CcAccount("b", 20));
        log.clear();

        assertThrows(InvalidQueryException.class, () -> accounts.forUpdate().stream());
        List<Long> balances = ferro.transaction(() -> {
            try (java.util.stream.Stream<CcAccount> rows = accounts.orderBy(CcAccount_.id.asc()).forUpdate().stream()) {
                return rows.map(a -> a.balance).toList();
            }
        });

        assertEquals(List.of(10L, 20L), balances);
        String select = log.entries().stream().map(e -> e.sql()).filter(sql -> sql.startsWith("SELECT")).findFirst().orElseThrow();
        assertTrue(select.endsWith(database == Database.SQLITE ? "ASC" : "ASC FOR UPDATE"), select);
    }

    @Test
    void countExistsUpdateAndDeleteOfALockingQueryAreRefused() {
        Query<CcAccount> locking = accounts.forUpdate();

        assertEquals("count() on a forUpdate() query of CcAccount is refused: forUpdate() locks the rows that all(), stream(),"
                + " first(), one(), get() and find() read", assertThrows(InvalidQueryException.class, locking::count).getMessage());
        assertThrows(InvalidQueryException.class, locking::exists);
        assertThrows(InvalidQueryException.class, () -> locking.update(CcAccount_.balance.set(0L)));
        assertThrows(InvalidQueryException.class, locking::delete);
        assertEquals(0, log.count());
    }

    /** A locked read is the database's current row, even for an instance the unit of work already holds. */
    @Test
    void aLockedReadRefreshesTheInstanceTheTransactionHolds() {
        ferro.transaction(() -> {
            CcAccount held = accounts.get(id);
            ferro.execute("UPDATE cc_account SET balance = 99 WHERE id = ?", id);
            assertSame(held, accounts.get(id));
            assertEquals(10L, held.balance);

            CcAccount locked = accounts.forUpdate().get(id);

            assertSame(held, locked);
            assertEquals(99L, locked.balance);
            return null;
        });
    }

    /**
     * Two transactions lock the same row: the second waits until the first commits, then reads what
     * the first wrote, so its own change builds on it.
     */
    @Test
    void aSecondLockerWaitsForTheFirstCommitAndSeesItsWrite() throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> ferro.transaction(() -> {
            CcAccount account = accounts.forUpdate().get(id);
            locked.countDown();
            await(release);
            account.balance += 1;
            ferro.save(account);
            return null;
        }));
        assertTrue(locked.await(10, TimeUnit.SECONDS));

        CompletableFuture<Long> second = CompletableFuture.supplyAsync(() -> ferro.transaction(() -> {
            CcAccount account = accounts.forUpdate().get(id);
            account.balance += 100;
            ferro.save(account);
            return account.balance;
        }));
        assertThrows(TimeoutException.class, () -> second.get(500, TimeUnit.MILLISECONDS));
        release.countDown();
        first.get(10, TimeUnit.SECONDS);

        assertEquals(111L, second.get(10, TimeUnit.SECONDS));
        assertEquals(111L, accounts.get(id).balance);
    }

    @Test
    void noWaitFailsAtOnceOnALockedRow() throws Exception {
        if (database == Database.SQLITE) {
            InvalidQueryException e = assertThrows(InvalidQueryException.class,
                    () -> ferro.transaction(() -> accounts.forUpdate(RowLock.NO_WAIT).all()));
            assertEquals("forUpdate(NO_WAIT) is not available on SQLite, which locks the whole database for a writing"
                    + " transaction rather than rows: use forUpdate()", e.getMessage());
            return;
        }
        holdingTheLockOf(id, () -> {
            assertThrows(LockTimeoutException.class,
                    () -> ferro.transaction(() -> accounts.forUpdate(RowLock.NO_WAIT).get(id)));
        });
    }

    @Test
    void skipLockedLeavesTheLockedRowsOut() throws Exception {
        long second = accounts.create(new CcAccount("b", 20)).id;
        long third = accounts.create(new CcAccount("c", 30)).id;
        if (database == Database.SQLITE) {
            assertThrows(InvalidQueryException.class,
                    () -> ferro.transaction(() -> accounts.forUpdate(RowLock.SKIP_LOCKED).all()));
            return;
        }
        holdingTheLockOf(id, () -> {
            List<Long> free = ferro.transaction(() -> accounts.orderBy(CcAccount_.id.asc()).forUpdate(RowLock.SKIP_LOCKED)
                    .all().stream().map(a -> a.id).toList());
            assertEquals(List.of(second, third), free);
        });
    }

    @Test
    void aQueryBuiltAfterForUpdateKeepsTheLock() {
        Query<CcAccount> locking = accounts.forUpdate().where(CcAccount_.name.eq("a"));
        assertThrows(InvalidQueryException.class, locking::all);
        assertFalse(ferro.transaction(() -> locking.all()).isEmpty());
    }

    /** Runs {@code check} while another thread's transaction holds the lock of row {@code key}. */
    private void holdingTheLockOf(long key, Runnable check) throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> ferro.transaction(() -> {
            accounts.forUpdate().get(key);
            locked.countDown();
            await(release);
            return null;
        }));
        assertTrue(locked.await(10, TimeUnit.SECONDS));
        try {
            check.run();
        } finally {
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
