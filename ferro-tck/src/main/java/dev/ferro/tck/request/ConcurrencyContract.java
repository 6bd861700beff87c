package dev.ferro.tck.request;

import dev.ferro.Ferro;
import dev.ferro.Query;
import dev.ferro.tck.model.TckPerson;
import dev.ferro.tck.model.TckPerson_;
import dev.ferro.tck.support.Requests;
import dev.ferro.tck.support.TckSupport;
import jakarta.inject.Inject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * Requests running at the same time, each on its own thread with its own request context activated through
 * {@code RequestContextController}: they share neither instances nor connections nor transactions.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class ConcurrencyContract {
    private static final int THREADS = 6;
    private static final int ROWS_EACH = 5;

    @Inject
    Query<TckPerson> people;

    @Inject
    Ferro ferro;

    @Inject
    Requests requests;

    /** Called first by each test (not a @BeforeEach: see InjectionContract): alice's id. */
    private long alice() {
        people.delete();
        return requests.call(() -> people.create(new TckPerson("alice", 34)).id);
    }

    @Test
    void concurrentRequestsHaveTheirOwnInstances() {
        long id = alice();
        CyclicBarrier bothLoaded = new CyclicBarrier(2);
        CompletableFuture<TckPerson> one = requests.start(() -> loadAndHold(id, bothLoaded));
        CompletableFuture<TckPerson> two = requests.start(() -> loadAndHold(id, bothLoaded));

        assertNotSame(Requests.join(one), Requests.join(two));
    }

    private TckPerson loadAndHold(long id, CyclicBarrier barrier) {
        TckPerson loaded = people.get(id);
        TckSupport.await(barrier);
        assertSame(loaded, people.get(id));
        return loaded;
    }

    @Test
    void anOpenTransactionOfOneRequestIsInvisibleToAnother() {
        alice();
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch looked = new CountDownLatch(1);
        CompletableFuture<Long> writer = requests.start(() -> ferro.transaction(() -> {
            people.create(new TckPerson("uncommitted", 1));
            written.countDown();
            TckSupport.await(looked);
            return people.where(TckPerson_.name.eq("uncommitted")).count();
        }));
        CompletableFuture<Long> reader = requests.start(() -> {
            TckSupport.await(written);
            try {
                return people.where(TckPerson_.name.eq("uncommitted")).count();
            } finally {
                looked.countDown();
            }
        });

        assertEquals(0, Requests.join(reader), "not committed yet");
        assertEquals(1, Requests.join(writer), "the writer sees its own work");
        assertEquals(1, requests.call(() -> people.where(TckPerson_.name.eq("uncommitted")).count()));
    }

    @Test
    void manyRequestsWritingAtOnceLoseNothing() {
        alice();
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<CompletableFuture<List<Long>>> writers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            writers.add(requests.start(() -> {
                TckSupport.await(start);
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < ROWS_EACH; i++) {
                    int row = i;
                    TckPerson created = ferro.transaction(() -> people.create(new TckPerson("w" + thread + "-" + row, row)));
                    ids.add(created.id);
                }
                return ids;
            }));
        }
        Set<Long> ids = new HashSet<>();
        for (CompletableFuture<List<Long>> writer : writers) {
            ids.addAll(Requests.join(writer));
        }

        assertEquals(THREADS * ROWS_EACH, ids.size(), "every id is distinct");
        assertEquals(THREADS * ROWS_EACH, requests.call(() -> people.where(TckPerson_.name.startsWith("w")).count()));
    }

    @Test
    void aRollbackInOneRequestLeavesAConcurrentCommitAlone() {
        long id = alice();
        CyclicBarrier bothWritten = new CyclicBarrier(2);
        CompletableFuture<Void> failing = requests.start(() -> {
            try {
                ferro.transaction(() -> {
                    people.create(new TckPerson("rolled-back", 1));
                    TckSupport.await(bothWritten);
                    throw new IllegalStateException("undo");
                });
            } catch (IllegalStateException expected) {
                // rolled back
            }
            return null;
        });
        CompletableFuture<Void> committing = requests.start(() -> {
            ferro.transaction(() -> {
                people.create(new TckPerson("committed", 2));
                TckSupport.await(bothWritten);
            });
            return null;
        });
        Requests.join(failing);
        Requests.join(committing);

        assertEquals(List.of("alice", "committed"), requests.call(
                () -> people.orderBy(TckPerson_.name.asc()).all().stream().map(p -> p.name).toList()));
        assertEquals("alice", people.get(id).name);
    }
}
