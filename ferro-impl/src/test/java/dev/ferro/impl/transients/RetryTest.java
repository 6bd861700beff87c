package dev.ferro.impl.transients;

import dev.ferro.DeadlockException;
import dev.ferro.Isolation;
import dev.ferro.Query;
import dev.ferro.SerializationFailureException;
import dev.ferro.TransactionOptions;
import dev.ferro.TransientDataAccessException;
import dev.ferro.impl.testing.Database;
import dev.ferro.impl.testing.DatabaseTest;
import dev.ferro.impl.transients.Conflict.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code TransactionOptions.retries}: which blocks are re-run, and how often, counted exactly. */
class RetryTest extends DatabaseTest {
    private static final int ACCOUNTS = 4;
    private static final int INITIAL_BALANCE = 1_000;
    private static final int THREADS = 16;
    private static final int TRANSFERS_PER_THREAD = 25;
    /** Far more than the conflicts of 16 threads on 4 rows need, with the jittered pause between attempts. */
    private static final int RETRIES = 50;

    private Query<TrAccount> accounts;

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {TrAccount.class};
    }

    @BeforeEach
    void queries() {
        accounts = ferro.query(TrAccount.class);
    }

    /** One planned transfer: amount from one account to another. */
    private record Transfer(int from, int to, int amount) {
    }

    /**
     * 16 threads each make 25 transfers between 4 accounts at SERIALIZABLE, reading both balances and
     * saving both accounts: the conflicts (serialization failures on PostgreSQL, deadlocks on MariaDB
     * and H2; none on SQLite, whose IMMEDIATE transactions wait for each other) are retried until every
     * transfer went through once. The plan is fixed, so every final balance is known exactly.
     */
    @Test
    void conflictingSerializableTransfersAllSucceedWithRetriesAndKeepEveryBalanceExact() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            ids.add(accounts.create(new TrAccount("account" + i, INITIAL_BALANCE)).id);
        }
        int[] expected = new int[ACCOUNTS];
        java.util.Arrays.fill(expected, INITIAL_BALANCE);
        List<List<Transfer>> plans = new ArrayList<>();
        Random random = new Random(42);
        for (int t = 0; t < THREADS; t++) {
            List<Transfer> plan = new ArrayList<>();
            for (int i = 0; i < TRANSFERS_PER_THREAD; i++) {
                int from = random.nextInt(ACCOUNTS);
                int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
                int amount = 1 + random.nextInt(10);
                plan.add(new Transfer(from, to, amount));
                expected[from] -= amount;
                expected[to] += amount;
            }
            plans.add(plan);
        }
        TransactionOptions options = TransactionOptions.defaults().isolation(Isolation.SERIALIZABLE).retries(RETRIES);
        AtomicInteger attempts = new AtomicInteger();
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Runnable> threads = new ArrayList<>();
        for (List<Transfer> plan : plans) {
            threads.add(() -> {
                Conflict.await(start);
                for (Transfer transfer : plan) {
                    ferro.transaction(options, () -> {
                        attempts.incrementAndGet();
                        TrAccount from = accounts.get(ids.get(transfer.from()));
                        TrAccount to = accounts.get(ids.get(transfer.to()));
                        from.balance -= transfer.amount();
                        to.balance += transfer.amount();
                        ferro.save(from);
                        ferro.save(to);
                    });
                }
            });
        }
        long started = System.nanoTime();

        List<Outcome> outcomes = Conflict.runConcurrently(threads);

        long millis = (System.nanoTime() - started) / 1_000_000;
        List<Throwable> gaveUp = outcomes.stream().filter(o -> !o.succeeded()).map(Outcome::failure).toList();
        assertEquals(List.of(), gaveUp);
        int transfers = THREADS * TRANSFERS_PER_THREAD;
        System.out.printf("[%s] %d transfers, %d attempts, %d retries, %d ms%n", database, transfers, attempts.get(),
                attempts.get() - transfers, millis);
        int total = 0;
        for (int i = 0; i < ACCOUNTS; i++) {
            int balance = accounts.get(ids.get(i)).balance;
            assertEquals(expected[i], balance, "account" + i);
            total += balance;
        }
        assertEquals(ACCOUNTS * INITIAL_BALANCE, total);
        if (database == Database.SQLITE) {
            assertEquals(transfers, attempts.get(), "SQLite's IMMEDIATE transactions never conflict");
        }
    }

    /**
     * A real deadlock with {@code retries(0)}: each block ran once, and the victim's DeadlockException
     * came out. SQLite's writers serialize at BEGIN IMMEDIATE, so no lock cycle forms: there both
     * blocks run once and both commit.
     */
    @Test
    void retriesZeroThrowsTheFirstRealDeadlockWithoutRunningAgain() throws Exception {
        long a = accounts.create(new TrAccount("a", 100)).id;
        long b = accounts.create(new TrAccount("b", 100)).id;
        TransactionOptions noRetries = TransactionOptions.defaults().retries(0);
        AtomicInteger attempts = new AtomicInteger();
        CyclicBarrier eachHoldsOneRow = new CyclicBarrier(2);
        // On SQLite the second block waits at its BEGIN for the first to end: it could never meet it halfway.
        Runnable meet = database == Database.SQLITE ? () -> { } : () -> Conflict.await(eachHoldsOneRow);

        List<Outcome> outcomes = Conflict.runConcurrently(List.of(
                () -> ferro.transaction(noRetries, () -> {
                    attempts.incrementAndGet();
                    add(a, 1);
                    meet.run();
                    add(b, 1);
                }),
                () -> ferro.transaction(noRetries, () -> {
                    attempts.incrementAndGet();
                    add(b, 1);
                    meet.run();
                    add(a, 1);
                })));

        assertEquals(2, attempts.get());
        List<Throwable> failures = outcomes.stream().filter(o -> !o.succeeded()).map(Outcome::failure).toList();
        if (database == Database.SQLITE) {
            assertEquals(List.of(), failures);
            assertEquals(102, accounts.get(a).balance);
            assertEquals(102, accounts.get(b).balance);
            return;
        }
        assertEquals(1, failures.size(), failures::toString);
        assertSame(DeadlockException.class, failures.get(0).getClass());
    }

    private void add(long id, int amount) {
        TrAccount account = accounts.get(id);
        account.balance += amount;
        ferro.save(account);
    }

    /** A transient failure as the database's driver would raise it (the retry decision reads only the type). */
    private static TransientDataAccessException transientFailure(int attempt) {
        return new SerializationFailureException("Serialization failure, attempt " + attempt,
                new SQLException("could not serialize access, attempt " + attempt, "40001"));
    }

    @Test
    void aBlockFailingTransientlyEveryTimeRunsOnePlusRetriesTimesAndThrowsTheLastFailure() {
        AtomicInteger attempts = new AtomicInteger();
        List<TransientDataAccessException> thrown = new ArrayList<>();

        TransientDataAccessException failure = assertThrows(TransientDataAccessException.class,
                () -> ferro.transaction(TransactionOptions.defaults().retries(3), () -> {
                    TransientDataAccessException next = transientFailure(attempts.incrementAndGet());
                    thrown.add(next);
                    accounts.create(new TrAccount("attempt" + attempts.get(), 1));
                    throw next;
                }));

        assertEquals(4, attempts.get());
        assertSame(thrown.get(3), failure);
        assertEquals(0, accounts.count(), "every attempt was rolled back");
    }

    @Test
    void retriesZeroRunsTheBlockOnceAndThrowsItsTransientFailure() {
        AtomicInteger attempts = new AtomicInteger();
        TransientDataAccessException first = transientFailure(1);

        TransientDataAccessException failure = assertThrows(TransientDataAccessException.class,
                () -> ferro.transaction(TransactionOptions.defaults().retries(0), () -> {
                    attempts.incrementAndGet();
                    throw first;
                }));

        assertEquals(1, attempts.get());
        assertSame(first, failure);
    }

    @Test
    void aTransientFailureThatGoesAwayIsRetriedUntilTheBlockCommits() {
        AtomicInteger attempts = new AtomicInteger();

        String result = ferro.transaction(TransactionOptions.defaults().retries(5), () -> {
            int attempt = attempts.incrementAndGet();
            accounts.create(new TrAccount("attempt" + attempt, attempt));
            if (attempt < 3) {
                throw transientFailure(attempt);
            }
            return "done on attempt " + attempt;
        });

        assertEquals("done on attempt 3", result);
        assertEquals(3, attempts.get());
        assertEquals(List.of("attempt3"), accounts.all().stream().map(a -> a.name).toList());
    }

    @Test
    void aNonTransientFailureIsNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        IllegalStateException bug = new IllegalStateException("not transient");

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> ferro.transaction(TransactionOptions.defaults().retries(5), () -> {
                    attempts.incrementAndGet();
                    throw bug;
                }));

        assertEquals(1, attempts.get());
        assertSame(bug, failure);
    }

    /**
     * A nested block's retries are ignored: it is a savepoint of the outer transaction, whose failure
     * is the outermost block's to retry. With an outer block of 2 retries, the inner block runs once
     * per outer attempt.
     */
    @Test
    void aNestedBlockWithRetriesIsNotReRunByItselfOnlyWithItsOutermostBlock() {
        AtomicInteger outerAttempts = new AtomicInteger();
        AtomicInteger innerAttempts = new AtomicInteger();

        assertThrows(TransientDataAccessException.class, () -> ferro.transaction(TransactionOptions.defaults().retries(2), () -> {
            outerAttempts.incrementAndGet();
            ferro.transaction(TransactionOptions.defaults().retries(10), () -> {
                throw transientFailure(innerAttempts.incrementAndGet());
            });
        }));

        assertEquals(3, outerAttempts.get());
        assertEquals(3, innerAttempts.get());
    }

    @Test
    void aNestedBlockWithRetriesInsideAPlainTransactionRunsOnce() {
        AtomicInteger innerAttempts = new AtomicInteger();

        assertThrows(TransientDataAccessException.class, () -> ferro.transaction(() -> {
            ferro.transaction(TransactionOptions.defaults().retries(10), () -> {
                innerAttempts.incrementAndGet();
                accounts.create(new TrAccount("inner", 1));
                throw transientFailure(innerAttempts.get());
            });
        }));

        assertEquals(1, innerAttempts.get());
        assertEquals(0, accounts.count());
    }
}
