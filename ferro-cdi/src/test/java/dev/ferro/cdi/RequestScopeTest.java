package dev.ferro.cdi;

import dev.ferro.Ferro;
import dev.ferro.Query;
import dev.ferro.UniqueViolationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static dev.ferro.cdi.FerroContainer.freshH2;
import static dev.ferro.cdi.FerroContainer.rawH2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The unit of work of a CDI request: one connection and one identity map for every Ferro call of
 * the request, none shared between requests, and both given back however the request ends.
 */
class RequestScopeTest {
    private static final TypeLiteral<Query<Person>> PEOPLE = new TypeLiteral<>() { };
    private static final long WAIT = 30;

    /** A bean whose method runs in a request of its own, as a JAX-RS resource method or an observer would. */
    @ApplicationScoped
    public static class RequestWork {
        @ActivateRequestContext
        public <T> T run(Supplier<T> work) {
            return work.get();
        }
    }

    /** Threads of their own: the common pool may have a single thread, and these tasks wait for each other. */
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final String url = freshH2();
    private FerroContainer container;
    private Query<Person> people;
    private Ferro ferro;
    private long aliceId;

    /** Starts on a fresh database holding one person, alice; a pool of one connection when {@code single}. */
    private void start(boolean single) {
        Map<String, String> config = new HashMap<>(Map.of("ferro.url", url, "ferro.schema", "create"));
        if (single) {
            // A second connection, if anything asked for one, would fail after a second instead of hiding a leak.
            config.put("ferro.pool.max-size", "1");
            config.put("ferro.pool.acquisition-timeout", "1");
        }
        container = FerroContainer.start(config, RequestWork.class);
        people = container.get(PEOPLE);
        ferro = container.get(Ferro.class);
        aliceId = people.create(new Person("alice")).id;
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
        if (container != null) {
            container.close();
        }
    }

    private void rawUpdate(String sql) throws SQLException {
        try (Connection raw = rawH2(url)) {
            raw.createStatement().executeUpdate(sql);
        }
    }

    @Test
    void withinOneRequestTheSameKeyGivesTheSameInstanceWithoutQueryingAgain() {
        start(false);
        container.inRequest(() -> {
            Person first = people.get(aliceId);
            // Gone from the database behind Ferro's back: only the identity map can still answer.
            try {
                rawUpdate("DELETE FROM cdi_person WHERE id = " + aliceId);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }

            assertSame(first, people.get(aliceId));
            assertSame(first, people.find(aliceId).orElseThrow());
        });
    }

    @Test
    void eachRequestHasItsOwnInstances() throws SQLException {
        start(false);
        Person inFirst = container.inRequest(() -> people.get(aliceId));
        rawUpdate("UPDATE cdi_person SET name = 'alicia' WHERE id = " + aliceId);

        Person inSecond = container.inRequest(() -> people.get(aliceId));

        assertNotSame(inFirst, inSecond);
        assertEquals("alicia", inSecond.name, "the second request read the row again");
    }

    @Test
    void outsideARequestEachCallRunsOnItsOwnAndCommitsAtOnce() throws Exception {
        start(false);
        Person first = people.get(aliceId);
        Person second = people.get(aliceId);
        people.create(new Person("bob"));

        assertNotSame(first, second);
        assertEquals(2, CompletableFuture.supplyAsync(people::count, threads).get(WAIT, TimeUnit.SECONDS),
                "another thread sees the write at once");
    }

    @Test
    void concurrentRequestsDoNotShareTheirInstances() throws Exception {
        start(false);
        CyclicBarrier bothLoaded = new CyclicBarrier(2);
        Supplier<Person> load = () -> container.inRequest(() -> {
            Person alice = people.get(aliceId);
            await(bothLoaded);
            assertSame(alice, people.get(aliceId));
            return alice;
        });

        CompletableFuture<Person> one = CompletableFuture.supplyAsync(load, threads);
        CompletableFuture<Person> two = CompletableFuture.supplyAsync(load, threads);

        assertNotSame(one.get(WAIT, TimeUnit.SECONDS), two.get(WAIT, TimeUnit.SECONDS));
    }

    @Test
    void concurrentRequestsDoNotShareTheirConnection() throws Exception {
        start(false);
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch looked = new CountDownLatch(1);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> container.inRequest(() -> ferro.transaction(() -> {
            people.create(new Person("uncommitted"));
            written.countDown();
            await(looked);
        })), threads);
        CompletableFuture<Long> reader = CompletableFuture.supplyAsync(() -> {
            await(written);
            try {
                return container.inRequest(() -> people.where(Person_.name.eq("uncommitted")).count());
            } finally {
                looked.countDown();
            }
        }, threads);

        assertEquals(0, reader.get(WAIT, TimeUnit.SECONDS), "the other request's transaction is not committed yet");
        writer.get(WAIT, TimeUnit.SECONDS);
        assertEquals(1, people.where(Person_.name.eq("uncommitted")).count());
    }

    @Test
    void aRequestRunsAllItsCallsAndTransactionsOnOneConnection() {
        start(true);
        long count = container.inRequest(() -> {
            people.get(aliceId);
            ferro.transaction(() -> people.create(new Person("bob")));
            ferro.transaction(() -> ferro.transaction(() -> people.create(new Person("carol"))));
            ferro.fetchAll("SELECT name FROM cdi_person");
            return people.count();
        });

        assertEquals(3, count);
    }

    @Test
    void aRequestThatEndsWithAnExceptionGivesItsConnectionBack() {
        start(true);
        RequestWork work = container.get(RequestWork.class);

        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> work.run(() -> {
            people.create(new Person("bob"));
            throw new IllegalStateException("the request fails");
        }));
        assertThrows(IllegalArgumentException.class, () -> work.run(() -> ferro.transaction(() -> {
            people.create(new Person("carol"));
            throw new IllegalArgumentException("so does its transaction");
        })));

        assertEquals("the request fails", failure.getMessage());
        assertEquals(2, work.run(people::count), "the next request gets the only connection");
        assertEquals(2, people.count(), "so does a call outside any request");
    }

    @Test
    void activateRequestContextOnABeanMethodGivesTheMethodOneUnitOfWork() {
        start(false);
        RequestWork work = container.get(RequestWork.class);

        Person[] seen = work.run(() -> new Person[] {people.get(aliceId), people.get(aliceId)});
        Person later = work.run(() -> people.get(aliceId));

        assertSame(seen[0], seen[1]);
        assertNotSame(seen[0], later);
    }

    @Test
    void aRollbackInARequestDropsItsInstancesAndACommitKeepsThem() {
        start(false);
        container.inRequest(() -> {
            Person alice = people.get(aliceId);
            ferro.transaction(() -> {
                alice.name = "alicia";
                ferro.save(alice);
            });
            assertSame(alice, people.get(aliceId), "a commit keeps the request's identity map");

            assertThrows(IllegalStateException.class, () -> ferro.transaction(() -> {
                alice.name = "ally";
                ferro.save(alice);
                throw new IllegalStateException("undo");
            }));
            Person reloaded = people.get(aliceId);

            assertNotSame(alice, reloaded, "a rollback clears it");
            assertEquals("alicia", reloaded.name);
            assertFalse(ferro.inTransaction());
        });
    }

    @Test
    void aFailedStatementInARequestLeavesTheRequestUsable() {
        start(true);
        long count = container.inRequest(() -> {
            assertThrows(UniqueViolationException.class, () -> people.create(new Person("alice")));
            people.create(new Person("bob"));
            return people.count();
        });

        assertEquals(2, count);
        assertTrue(people.find(aliceId).isPresent());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other thread never got there");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(WAIT, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other thread never got there", e);
        }
    }
}
