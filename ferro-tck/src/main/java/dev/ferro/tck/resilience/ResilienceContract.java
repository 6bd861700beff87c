package dev.ferro.tck.resilience;

import dev.ferro.DataAccessException;
import dev.ferro.DeadlockException;
import dev.ferro.Ferro;
import dev.ferro.Isolation;
import dev.ferro.Query;
import dev.ferro.SerializationFailureException;
import dev.ferro.TransientDataAccessException;
import dev.ferro.Transactional;
import dev.ferro.tck.model.TckAccount;
import dev.ferro.tck.model.TckAccount_;
import dev.ferro.tck.support.Requests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an application relies on when the database has a bad moment, through its beans:
 * {@code @Transactional(retries = n)} re-runs a method that leaves with a
 * {@link TransientDataAccessException} (and nothing else), each attempt in a transaction of its own
 * whose writes a failed attempt does not keep; a nested method is never re-run by itself; and
 * {@code Query.stream()} and {@code Ferro.stream(...)} read rows as a stream that gives its
 * connection back when closed.
 *
 * <p>The transient failures are thrown by the method itself, as the database's would come out of
 * a statement: what is checked is the container's retry, the same on every database.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class ResilienceContract {

    @ApplicationScoped
    public static class Transfers {
        @Inject
        Query<TckAccount> accounts;

        @Inject
        Ferro ferro;

        @Inject
        Inner inner;

        private final AtomicInteger attempts = new AtomicInteger();

        /** How many times a method of this bean began (read through the client proxy, hence a method). */
        public int attempts() {
            return attempts.get();
        }

        public void resetAttempts() {
            attempts.set(0);
        }

        /** Opens an account on every attempt, and fails the first {@code failures} attempts as a deadlock would. */
        @Transactional(retries = 3)
        public long openFailingFirst(String owner, int failures) {
            int attempt = attempts.incrementAndGet();
            accounts.create(new TckAccount(owner + "-" + attempt, attempt));
            if (!ferro.inTransaction()) {
                throw new AssertionError("no transaction inside a @Transactional method");
            }
            if (attempt <= failures) {
                throw new DeadlockException("deadlock in attempt " + attempt, new SQLException("deadlock detected", "40P01"));
            }
            return accounts.count();
        }

        @Transactional(retries = 3)
        public void failWith(RuntimeException failure) {
            attempts.incrementAndGet();
            accounts.create(new TckAccount("failing-" + attempts.get(), 0));
            throw failure;
        }

        @Transactional(retries = 3)
        public void outerCallingFailingInner(int failures) {
            attempts.incrementAndGet();
            inner.failFirst(failures);
        }

        @Transactional(isolation = Isolation.SERIALIZABLE, retries = 1)
        public List<String> serializableOwners() {
            return accounts.orderBy(TckAccount_.owner.asc()).all().stream().map(a -> a.owner).toList();
        }
    }

    @ApplicationScoped
    public static class Inner {
        private final AtomicInteger attempts = new AtomicInteger();

        public int attempts() {
            return attempts.get();
        }

        public void resetAttempts() {
            attempts.set(0);
        }

        @Transactional(retries = 5)
        public void failFirst(int failures) {
            if (attempts.incrementAndGet() <= failures) {
                throw new SerializationFailureException("conflict in attempt " + attempts.get(),
                        new SQLException("could not serialize access", "40001"));
            }
        }
    }

    @Inject
    Transfers transfers;

    @Inject
    Inner inner;

    @Inject
    Ferro ferro;

    @Inject
    Query<TckAccount> accounts;

    @Inject
    Requests requests;

    /** Called first by each test (not a @BeforeEach: see InjectionContract). */
    private void reset() {
        accounts.delete();
        transfers.resetAttempts();
        inner.resetAttempts();
    }

    private List<String> committed() {
        return requests.call(() -> accounts.orderBy(TckAccount_.owner.asc()).all().stream().map(a -> a.owner).toList());
    }

    @Test
    void aTransientFailureReRunsTheMethodAndOnlyTheLastAttemptsWritesAreKept() {
        reset();
        long seenByLastAttempt = transfers.openFailingFirst("alice", 2);

        assertEquals(3, transfers.attempts());
        assertEquals(1, seenByLastAttempt, "the failed attempts' rows were rolled back before the next attempt");
        assertEquals(List.of("alice-3"), committed());
        assertFalse(ferro.inTransaction());
    }

    @Test
    void afterTheLastRetryTheLastFailureIsThrownAndNothingIsKept() {
        reset();
        DeadlockException thrown = assertThrows(DeadlockException.class, () -> transfers.openFailingFirst("bob", 10));

        assertEquals(4, transfers.attempts(), "one call and three retries");
        assertEquals("deadlock in attempt 4: deadlock detected", thrown.getMessage());
        assertEquals("40P01", thrown.sqlState());
        assertEquals(List.of(), committed());
    }

    @Test
    void aFailureThatIsNotTransientIsNotRetried() {
        reset();
        IllegalStateException failure = new IllegalStateException("a bug, not a conflict");
        DataAccessException notTransient = new DataAccessException("syntax", new SQLException("syntax error", "42601"));

        assertSame(failure, assertThrows(IllegalStateException.class, () -> transfers.failWith(failure)));
        assertEquals(1, transfers.attempts());
        assertSame(notTransient, assertThrows(DataAccessException.class, () -> transfers.failWith(notTransient)));
        assertEquals(2, transfers.attempts());
        assertEquals(List.of(), committed());
    }

    @Test
    void aNestedMethodIsNotRetriedByItselfTheOutermostIs() {
        reset();
        transfers.outerCallingFailingInner(2);

        assertEquals(3, transfers.attempts(), "the outer method ran once per failure of the inner one, and once more");
        assertEquals(3, inner.attempts(), "the inner method ran once per outer attempt");
    }

    @Test
    void anOutermostMethodWithAnIsolationLevelRunsAndCommits() {
        reset();
        requests.run(() -> accounts.create(new TckAccount("carol", 1)));

        assertEquals(List.of("carol"), transfers.serializableOwners());
        assertFalse(ferro.inTransaction());
    }

    @Test
    void aQueryStreamReadsTheRowsInOrderAndAClosedStreamGivesItsConnectionBack() {
        reset();
        requests.run(() -> accounts.createAll(List.of(new TckAccount("a", 1), new TckAccount("b", 2), new TckAccount("c", 3),
                new TckAccount("d", 4))));

        List<String> owners = requests.call(() -> {
            try (Stream<TckAccount> stream = accounts.where(TckAccount_.balance.ge(2L)).orderBy(TckAccount_.owner.desc()).stream()) {
                return stream.map(a -> a.owner).toList();
            }
        });
        long partial = requests.call(() -> {
            try (Stream<TckAccount> stream = accounts.orderBy(TckAccount_.owner.asc()).stream()) {
                return stream.limit(2).count();
            }
        });

        assertEquals(List.of("d", "c", "b"), owners);
        assertEquals(2, partial);
        assertEquals(4, requests.call(accounts::count), "the streams gave their connections back");
    }

    @Test
    void aRawStreamReadsRowsAsMapsWithBoundValues() {
        reset();
        requests.run(() -> accounts.createAll(List.of(new TckAccount("a", 10), new TckAccount("b", 20), new TckAccount("c", 30))));

        List<Map<String, Object>> rows = requests.call(() -> {
            try (Stream<Map<String, Object>> stream = ferro.stream(
                    "SELECT owner, balance FROM tck_account WHERE balance > ? ORDER BY owner", 15L)) {
                return stream.toList();
            }
        });

        assertEquals(2, rows.size());
        assertEquals("b", rows.get(0).get("owner"));
        assertEquals(20L, ((Number) rows.get(0).get("balance")).longValue());
        assertEquals("c", rows.get(1).get("owner"));
    }

    @Test
    void aStreamInsideATransactionSeesItsUncommittedRows() {
        reset();
        List<String> inside = ferro.transaction(() -> {
            accounts.create(new TckAccount("uncommitted", 1));
            try (Stream<TckAccount> stream = accounts.stream()) {
                return stream.map(a -> a.owner).toList();
            }
        });

        assertEquals(List.of("uncommitted"), inside);
        assertTrue(committed().contains("uncommitted"));
    }
}
