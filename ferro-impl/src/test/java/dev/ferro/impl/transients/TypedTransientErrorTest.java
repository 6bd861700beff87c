package dev.ferro.impl.transients;

import dev.ferro.DataAccessException;
import dev.ferro.DeadlockException;
import dev.ferro.Ferro;
import dev.ferro.Isolation;
import dev.ferro.Query;
import dev.ferro.SerializationFailureException;
import dev.ferro.TransactionOptions;
import dev.ferro.impl.testing.Database;
import dev.ferro.impl.testing.DatabaseTest;
import dev.ferro.impl.transients.Conflict.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deadlocks, serialization failures and read-only violations provoked on purpose, on each database,
 * arrive as the typed exception (and SQLState) each database really gives.
 */
class TypedTransientErrorTest extends DatabaseTest {
    private Query<TrAccount> accounts;

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {TrAccount.class};
    }

    @BeforeEach
    void queries() {
        accounts = ferro.query(TrAccount.class);
    }

    private void add(long id, int amount) {
        TrAccount account = accounts.get(id);
        account.balance += amount;
        ferro.save(account);
    }

    private int balance(long id) {
        return accounts.get(id).balance;
    }

    /** The one failure among the outcomes, after checking that exactly one block failed. */
    private static Throwable theOnlyFailure(List<Outcome> outcomes) {
        List<Throwable> failures = outcomes.stream().filter(o -> !o.succeeded()).map(Outcome::failure).toList();
        assertEquals(1, failures.size(), () -> "exactly one of the two blocks fails, got " + failures);
        return failures.get(0);
    }

    // ---------------------------------------------------------------- deadlock

    /**
     * Two transactions each update one row, wait until the other has too, then update the other's
     * row: a lock cycle the database must break by rolling one of them back. PostgreSQL finds it after its
     * deadlock_timeout (1 s), MariaDB and H2 2.5 at once (H2 checks for a cycle when a lock wait begins,
     * so its LOCK_TIMEOUT never comes into play). SQLite cannot get there: Ferro begins its
     * transactions IMMEDIATE, so the second writer waits at its BEGIN for the first to end, and no
     * lock cycle can form; what is checked on SQLite is that wait.
     */
    @Test
    void rowsLockedInOppositeOrdersGiveOneSideADeadlockException() throws Exception {
        if (database == Database.SQLITE) {
            assertTheSecondReadThenWriteTransactionWaitsAndReadsTheFirstOnesWrite(ferro, accounts.create(new TrAccount("a", 100)).id);
            return;
        }
        long a = accounts.create(new TrAccount("a", 100)).id;
        long b = accounts.create(new TrAccount("b", 100)).id;
        CyclicBarrier eachHoldsOneRow = new CyclicBarrier(2);

        List<Outcome> outcomes = Conflict.runConcurrently(List.of(
                () -> ferro.transaction(() -> {
                    add(a, 1);
                    Conflict.await(eachHoldsOneRow);
                    add(b, 1);
                }),
                () -> ferro.transaction(() -> {
                    add(b, 1);
                    Conflict.await(eachHoldsOneRow);
                    add(a, 1);
                })));

        Throwable failure = theOnlyFailure(outcomes);
        assertSame(DeadlockException.class, failure.getClass(), () -> String.valueOf(failure));
        DeadlockException deadlock = (DeadlockException) failure;
        assertEquals(database == Database.POSTGRESQL ? "40P01" : "40001", deadlock.sqlState());
        assertTrue(deadlock.getMessage().startsWith("Deadlock on TrAccount: update TrAccount "), deadlock.getMessage());
        // The victim was rolled back whole, the other transaction committed both its writes.
        assertEquals(101, balance(a));
        assertEquals(101, balance(b));
    }

    // ---------------------------------------------------------------- serialization failure

    /**
     * Two transactions read one row, wait until both have, then write it. PostgreSQL refuses the second
     * writer with a serialization failure (40001). H2 2.5 reports the same conflict as a deadlock, error
     * 40001 DEADLOCK_1 with the same message as a real lock cycle ("Deadlock detected ... Details:
     * "tr_account""), never its CONCURRENT_UPDATE_1 (90131), so Ferro cannot tell them apart and gives a
     * DeadlockException. MariaDB's SERIALIZABLE reads take shared locks, so the two writes wait on each
     * other's shared lock: a real deadlock (1213). Either way exactly one transaction is rolled back.
     */
    @Test
    void twoSerializableReadThenWriteTransactionsOnOneRowFailOneOfThem() throws Exception {
        long id = accounts.create(new TrAccount("shared", 100)).id;
        if (database == Database.SQLITE) {
            assertTheSecondReadThenWriteTransactionWaitsAndReadsTheFirstOnesWrite(ferro, id);
            return;
        }
        CyclicBarrier bothHaveRead = new CyclicBarrier(2);
        TransactionOptions serializable = TransactionOptions.defaults().isolation(Isolation.SERIALIZABLE);
        Runnable readThenWrite = () -> ferro.transaction(serializable, () -> {
            TrAccount account = accounts.get(id);
            Conflict.await(bothHaveRead);
            account.balance += 1;
            ferro.save(account);
        });

        List<Outcome> outcomes = Conflict.runConcurrently(List.of(readThenWrite, readThenWrite));

        assertOneSideFailedAsThisDatabaseReportsAWriteConflict(outcomes);
        assertEquals(101, balance(id));
    }

    private void assertOneSideFailedAsThisDatabaseReportsAWriteConflict(List<Outcome> outcomes) {
        Throwable failure = theOnlyFailure(outcomes);
        if (database == Database.POSTGRESQL) {
            assertSame(SerializationFailureException.class, failure.getClass(), () -> String.valueOf(failure));
            SerializationFailureException serialization = (SerializationFailureException) failure;
            assertEquals("40001", serialization.sqlState());
            assertTrue(serialization.getMessage().startsWith("Serialization failure on TrAccount: update TrAccount "),
                    serialization.getMessage());
        } else {
            assertSame(DeadlockException.class, failure.getClass(), () -> String.valueOf(failure));
            DeadlockException deadlock = (DeadlockException) failure;
            assertEquals("40001", deadlock.sqlState());
            assertTrue(deadlock.getMessage().startsWith("Deadlock on TrAccount: update TrAccount "), deadlock.getMessage());
        }
    }

    /**
     * The same two read-then-write transactions at REPEATABLE READ: PostgreSQL (serialization failure)
     * and H2 (its "deadlock") still refuse the second writer; MariaDB 10.11 (without
     * innodb_snapshot_isolation, which came in 11.6) lets it overwrite the first writer's change:
     * both commit and one increment is lost.
     */
    @Test
    void twoRepeatableReadReadThenWriteTransactionsOnOneRow() throws Exception {
        long id = accounts.create(new TrAccount("shared", 100)).id;
        if (database == Database.SQLITE) {
            assertTheSecondReadThenWriteTransactionWaitsAndReadsTheFirstOnesWrite(ferro, id);
            return;
        }
        CyclicBarrier bothHaveRead = new CyclicBarrier(2);
        TransactionOptions repeatableRead = TransactionOptions.defaults().isolation(Isolation.REPEATABLE_READ);
        Runnable readThenWrite = () -> ferro.transaction(repeatableRead, () -> {
            TrAccount account = accounts.get(id);
            Conflict.await(bothHaveRead);
            account.balance += 1;
            ferro.save(account);
        });

        List<Outcome> outcomes = Conflict.runConcurrently(List.of(readThenWrite, readThenWrite));

        if (database == Database.MARIADB) {
            assertTrue(outcomes.stream().allMatch(Outcome::succeeded), () -> String.valueOf(outcomes));
        } else {
            assertOneSideFailedAsThisDatabaseReportsAWriteConflict(outcomes);
        }
        assertEquals(101, balance(id));
    }

    /**
     * SQLite: Ferro begins transactions IMMEDIATE, so a second read-then-write transaction waits at its
     * BEGIN (up to the 30 s busy timeout) until the first has committed, and then reads its write:
     * neither fails and no increment is lost.
     */
    private static void assertTheSecondReadThenWriteTransactionWaitsAndReadsTheFirstOnesWrite(Ferro ferro, long id)
            throws InterruptedException {
        Query<TrAccount> accounts = ferro.query(TrAccount.class);
        int before = accounts.get(id).balance;
        TransactionOptions serializable = TransactionOptions.defaults().isolation(Isolation.SERIALIZABLE);
        CountDownLatch firstHasRead = new CountDownLatch(1);
        int[] secondRead = new int[1];

        List<Outcome> outcomes = Conflict.runConcurrently(List.of(
                () -> ferro.transaction(serializable, () -> {
                    TrAccount account = accounts.get(id);
                    firstHasRead.countDown();
                    // Long enough for the second transaction to be waiting at its BEGIN meanwhile.
                    sleep(300);
                    account.balance += 1;
                    ferro.save(account);
                }),
                () -> {
                    awaitLatch(firstHasRead);
                    ferro.transaction(serializable, () -> {
                        TrAccount account = accounts.get(id);
                        secondRead[0] = account.balance;
                        account.balance += 1;
                        ferro.save(account);
                    });
                }));

        assertTrue(outcomes.stream().allMatch(Outcome::succeeded), () -> String.valueOf(outcomes));
        assertEquals(before + 1, secondRead[0]);
        assertEquals(before + 2, accounts.get(id).balance);
    }

    /**
     * A read-only transaction holds no write lock: a writer on another connection goes ahead while it is
     * open (MVCC on the servers and H2; on SQLite the read-only transaction begins DEFERRED, and WAL lets
     * the writer in). Afterwards its connection writes again: on SQLite it begins IMMEDIATE again, so with
     * a pool of two, both connections serialize two read-then-write transactions (left DEFERRED, the second
     * writer would fail at once with SQLITE_BUSY, a LockTimeoutException, SQLite skipping its busy handler
     * where waiting could deadlock); elsewhere two transactions at once, one on each connection, both write.
     */
    @Test
    void aReadOnlyTransactionHoldsNoWriteLockAndItsConnectionWritesAgainAfterwards() throws Exception {
        long id = accounts.create(new TrAccount("a", 100)).id;
        try (Ferro two = database.connect(database.options().maxPoolSize(2).models(models()))) {
            Query<TrAccount> onTwo = two.query(TrAccount.class);
            CountDownLatch readOnlyBegun = new CountDownLatch(1);
            CountDownLatch written = new CountDownLatch(1);
            boolean[] writtenWhileReadOnlyWasOpen = new boolean[1];

            List<Outcome> outcomes = Conflict.runConcurrently(List.of(
                    () -> two.transaction(TransactionOptions.defaults().readOnly(true), () -> {
                        assertEquals(100, onTwo.get(id).balance);
                        readOnlyBegun.countDown();
                        writtenWhileReadOnlyWasOpen[0] = awaitLatch(written, 5);
                    }),
                    () -> {
                        awaitLatch(readOnlyBegun);
                        TrAccount account = onTwo.get(id);
                        account.balance += 1;
                        two.save(account);
                        written.countDown();
                    }));

            assertTrue(outcomes.stream().allMatch(Outcome::succeeded), () -> String.valueOf(outcomes));
            assertTrue(writtenWhileReadOnlyWasOpen[0], "the writer waited for the read-only transaction");
            if (database == Database.SQLITE) {
                assertTheSecondReadThenWriteTransactionWaitsAndReadsTheFirstOnesWrite(two, id);
            } else {
                long other = onTwo.create(new TrAccount("b", 0)).id;
                CyclicBarrier eachOnItsConnection = new CyclicBarrier(2);
                List<Outcome> writes = Conflict.runConcurrently(List.of(
                        () -> two.transaction(() -> addOn(two, id, 2, eachOnItsConnection)),
                        () -> two.transaction(() -> addOn(two, other, 1, eachOnItsConnection))));
                assertTrue(writes.stream().allMatch(Outcome::succeeded), () -> String.valueOf(writes));
                assertEquals(1, onTwo.get(other).balance);
            }
            assertEquals(103, onTwo.get(id).balance);
        }
    }

    /** Adds to a balance inside the caller's transaction, then waits for the other transaction to be as far. */
    private static void addOn(Ferro ferro, long id, int amount, CyclicBarrier together) {
        TrAccount account = ferro.query(TrAccount.class).get(id);
        account.balance += amount;
        ferro.save(account);
        Conflict.await(together);
    }

    // ---------------------------------------------------------------- read-only

    /**
     * PostgreSQL and MariaDB refuse a write in a read-only transaction with SQLState 25006, SQLite
     * (PRAGMA query_only) with SQLITE_READONLY; Ferro has no type of its own for it, so it is a plain
     * DataAccessException. H2 takes read-only as a hint and writes.
     */
    @Test
    void readOnlyTransactionRefusesAWriteExceptOnH2() {
        long id = accounts.create(new TrAccount("a", 100)).id;
        TransactionOptions readOnly = TransactionOptions.defaults().readOnly(true);

        if (database == Database.H2) {
            ferro.transaction(readOnly, () -> add(id, 1));
            assertEquals(101, balance(id));
        } else {
            DataAccessException refused = assertThrows(DataAccessException.class,
                    () -> ferro.transaction(readOnly, () -> add(id, 1)));
            assertSame(DataAccessException.class, refused.getClass(), refused::toString);
            assertEquals("25006", refused.sqlState(), refused::toString);
            assertEquals(100, balance(id));
        }
        // Reads work in a read-only transaction, and the connection is writable again afterwards.
        assertEquals(database == Database.H2 ? 101 : 100, ferro.transaction(readOnly, () -> balance(id)));
        add(id, 10);
        assertEquals(database == Database.H2 ? 111 : 110, balance(id));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        if (!awaitLatch(latch, Conflict.BOUND_SECONDS)) {
            throw new IllegalStateException("the other transaction never got there");
        }
    }

    /** Whether the latch opened within the time. */
    private static boolean awaitLatch(CountDownLatch latch, long seconds) {
        try {
            return latch.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
