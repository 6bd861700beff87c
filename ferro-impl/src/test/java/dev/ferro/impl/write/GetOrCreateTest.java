package dev.ferro.impl.write;

import dev.ferro.Created;
import dev.ferro.Query;
import dev.ferro.UniqueViolationException;
import dev.ferro.impl.testing.Database;
import dev.ferro.impl.testing.DatabaseTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GetOrCreateTest extends DatabaseTest {
    private static final int THREADS = 20;

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {Member.class};
    }

    private Query<Member> alice() {
        return ferro.query(Member.class).where(Member_.username.eq("alice"));
    }

    @Test
    void getOrCreateInsertsOnceThenReturnsTheStoredRowWithoutCallingTheFactory() {
        AtomicInteger calls = new AtomicInteger();

        Created<Member> first = alice().getOrCreate(() -> {
            calls.incrementAndGet();
            return new Member("alice", "alice@example.com", 30);
        });
        log.clear();
        Created<Member> second = alice().getOrCreate(() -> {
            calls.incrementAndGet();
            return new Member("alice", "other@example.com", 99);
        });

        assertTrue(first.created());
        assertEquals(1L, first.model().id);
        assertFalse(second.created());
        assertEquals(1L, second.model().id);
        assertEquals("alice@example.com", second.model().email);
        assertEquals(30, second.model().age);
        assertEquals(1, calls.get());
        assertEquals(1, log.count());
        assertEquals(1, log.selects());
        assertEquals(1, ferro.query(Member.class).count());
    }

    @Test
    void racingGetOrCreateLeavesOneRowThatEveryCallerGets() throws Exception {
        List<Created<Member>> results = race(query -> query.getOrCreate(() -> new Member("alice", "alice@example.com", 30)));

        Member stored = alice().one();
        assertEquals(1, ferro.query(Member.class).count());
        assertEquals(1, results.stream().filter(Created::created).count());
        assertEquals(List.of(stored.id), results.stream().map(r -> r.model().id).distinct().toList());
        assertEquals(THREADS, results.size());
    }

    @Test
    void updateOrCreateAppliesTheChangesWhenCreatingAndWhenTheRowExists() {
        AtomicInteger calls = new AtomicInteger();

        Created<Member> created = alice().updateOrCreate(() -> {
            calls.incrementAndGet();
            return new Member("alice", "alice@example.com", 30);
        }, m -> m.city = "Paris");
        Created<Member> updated = alice().updateOrCreate(() -> {
            calls.incrementAndGet();
            return new Member("alice", "other@example.com", 99);
        }, m -> m.age = 31);

        assertTrue(created.created());
        assertFalse(updated.created());
        assertEquals(1L, created.model().id);
        assertEquals(1L, updated.model().id);
        assertEquals(1, calls.get());
        Member stored = alice().one();
        assertEquals("alice alice@example.com 31 Paris", stored.username + " " + stored.email + " " + stored.age + " " + stored.city);
        assertEquals(1, ferro.query(Member.class).count());
    }

    @Test
    void racingUpdateOrCreateLeavesOneRowWithTheChangeApplied() throws Exception {
        List<Created<Member>> results = race(query -> query.updateOrCreate(
                () -> new Member("alice", "alice@example.com", 30), m -> m.city = "Lima"));

        Member stored = alice().one();
        assertEquals("Lima", stored.city);
        assertEquals(1, ferro.query(Member.class).count());
        assertEquals(1, results.stream().filter(Created::created).count());
        assertEquals(List.of(stored.id), results.stream().map(r -> r.model().id).distinct().toList());
        assertTrue(results.stream().allMatch(r -> "Lima".equals(r.model().city)));
    }

    @Test
    void getOrCreateInATransactionLosingARaceReturnsTheOtherRowAndKeepsTheTransactionUsable() {
        CompletableFuture<Member> concurrent = new CompletableFuture<>();
        Created<Member> result = ferro.transaction(() -> {
            Created<Member> got = alice().getOrCreate(() -> {
                // Between our SELECT and our INSERT, another thread inserts and commits the same member.
                Thread other = new Thread(() -> {
                    try {
                        concurrent.complete(ferro.query(Member.class).create(new Member("alice", "theirs@example.com", 40)));
                    } catch (RuntimeException e) {
                        concurrent.completeExceptionally(e);
                    }
                });
                other.start();
                if (database != Database.SQLITE) {
                    concurrent.join();
                }
                return new Member("alice", "ours@example.com", 30);
            });
            // Proves the transaction survived the failed INSERT (PostgreSQL aborts it without a savepoint).
            ferro.query(Member.class).create(new Member("bob", "bob@example.com", 25));
            return got;
        });

        if (database == Database.SQLITE) {
            // SQLite has one writer: our transaction holds the write lock from BEGIN IMMEDIATE, so the
            // other thread's INSERT waits until we commit, and it is the one that meets the duplicate.
            assertTrue(result.created());
            Throwable theirs = assertThrows(Exception.class, concurrent::join).getCause();
            assertInstanceOf(UniqueViolationException.class, theirs);
            assertEquals("ours@example.com", alice().one().email);
        } else {
            assertFalse(result.created());
            assertEquals(concurrent.join().id, result.model().id);
            assertEquals("theirs@example.com", result.model().email);
            assertEquals("theirs@example.com", alice().one().email);
        }
        assertEquals(List.of("alice", "bob"),
                ferro.query(Member.class).orderBy(Member_.username.asc()).all().stream().map(m -> m.username).toList());
    }

    /** Runs the call on {@link #THREADS} threads released together; returns every thread's result. */
    private List<Created<Member>> race(Function<Query<Member>, Created<Member>> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch ready = new CountDownLatch(THREADS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Created<Member>>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.apply(alice());
                }));
            }
            ready.await();
            go.countDown();
            List<Created<Member>> results = new ArrayList<>();
            for (Future<Created<Member>> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
