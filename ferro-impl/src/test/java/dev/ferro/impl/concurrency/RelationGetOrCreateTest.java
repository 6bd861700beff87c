package dev.ferro.impl.concurrency;

import dev.ferro.Created;
import dev.ferro.Query;
import dev.ferro.impl.testing.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code getOrCreate} on a relation, and on a query built from one, keeps the owner and is race-safe:
 * each round, 32 threads ask a new parent for the same child at once (the child's name is unique
 * within its parent); each round makes exactly one row and every caller gets its id.
 */
class RelationGetOrCreateTest extends DatabaseTest {
    private static final int THREADS = 32;
    private static final int ROUNDS = 200;

    private Query<CcParent> parents;
    private Query<CcChild> children;
    private long parentId;

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {CcLabel.class, CcParent.class, CcChild.class};
    }

    @BeforeEach
    void oneParent() {
        parents = ferro.query(CcParent.class);
        children = ferro.query(CcChild.class);
        parentId = parents.create(new CcParent("p")).id;
        parents.create(new CcParent("other"));
    }

    @Test
    void relationGetOrCreateRacedBy32ThreadsMakesOneRowPerRoundAndGivesEveryCallerItsId() throws Exception {
        race(parent -> parent.children.getOrCreate(() -> new CcChild("only")), "only");
    }

    @Test
    void getOrCreateOnAQueryBuiltFromARelationKeepsTheOwnerAndIsRaceSafe() throws Exception {
        race(parent -> parent.children.where(CcChild_.name.eq("wanted")).getOrCreate(CcChild::new), "wanted");
    }

    @Test
    void manyToManyGetOrCreateRacedBy32ThreadsLinksOneLabel() throws Exception {
        Set<Long> ids = ConcurrentHashMap.newKeySet();
        AtomicInteger created = new AtomicInteger();
        runConcurrently(() -> {
            CcParent parent = parents.get(parentId);
            Created<CcLabel> label = parent.labels.where(CcLabel_.text.eq("shared")).getOrCreate(CcLabel::new);
            ids.add(label.model().id);
            if (label.created()) {
                created.incrementAndGet();
            }
        });
        assertEquals(1, ids.size());
        assertEquals(1, created.get());
        assertEquals(List.of("shared"), parents.get(parentId).labels.all().stream().map(l -> l.text).toList());
    }

    @Test
    void theFactorysNullFieldsTakeTheFilterValuesAndTheOwner() {
        CcParent parent = parents.get(parentId);

        Created<CcChild> first = parent.children.where(CcChild_.name.eq("filled")).getOrCreate(CcChild::new);
        Created<CcChild> second = parent.children.where(CcChild_.name.eq("filled")).getOrCreate(CcChild::new);

        assertTrue(first.created());
        assertFalse(second.created());
        assertEquals(first.model().id, second.model().id);
        assertEquals("filled", first.model().name);
        assertEquals(Long.valueOf(parentId), first.model().parent.id());
        assertEquals(1L, children.count());
    }

    @Test
    void aFactoryThatContradictsTheFilterIsRefusedBeforeAnySql() {
        CcParent parent = parents.get(parentId);
        log.clear();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> children.where(CcChild_.name.eq("wanted")).getOrCreate(() -> new CcChild("other")));

        assertEquals("getOrCreate on CcChild where name = wanted: the factory made a CcChild whose name is other, which the"
                + " query would never find; leave name unset or make it wanted", e.getMessage());
        assertEquals(1, log.count());
        assertTrue(log.entries().get(0).sql().startsWith("SELECT"));
        assertEquals(0L, children.count());
        assertThrows(IllegalArgumentException.class,
                () -> parent.children.where(CcChild_.name.eq("wanted")).getOrCreate(() -> new CcChild("other")));
    }

    @Test
    void updateOrCreateThroughARelationSetsTheOwner() {
        CcParent parent = parents.get(parentId);

        Created<CcChild> made = parent.children.where(CcChild_.name.eq("u")).updateOrCreate(CcChild::new, c -> c.size = 3);
        Created<CcChild> changed = parent.children.where(CcChild_.name.eq("u")).updateOrCreate(CcChild::new, c -> c.size = 4);

        assertTrue(made.created());
        assertFalse(changed.created());
        assertEquals(made.model().id, changed.model().id);
        assertEquals(4, children.get(made.model().id).size);
        assertEquals(Long.valueOf(parentId), children.get(made.model().id).parent.id());
    }

    private void race(Function<CcParent, Created<CcChild>> call, String name) throws Exception {
        List<CcParent> made = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            made.add(new CcParent("round" + round));
        }
        List<Long> roundParents = parents.createAll(made).stream().map(p -> p.id).toList();
        AtomicLongArray ids = new AtomicLongArray(ROUNDS * THREADS);
        AtomicLongArray creations = new AtomicLongArray(ROUNDS);
        CyclicBarrier barrier = new CyclicBarrier(THREADS);
        AtomicInteger thread = new AtomicInteger();
        runConcurrently(() -> {
            int me = thread.getAndIncrement();
            // Each thread its own instances: a model and its relation handles belong to one thread.
            List<CcParent> mine = parents.where(CcParent_.id.in(roundParents)).orderBy(CcParent_.id.asc()).all();
            for (int round = 0; round < ROUNDS; round++) {
                await(barrier);
                Created<CcChild> result = call.apply(mine.get(round));
                ids.set(round * THREADS + me, result.model().id);
                if (result.created()) {
                    creations.incrementAndGet(round);
                }
            }
        });
        for (int round = 0; round < ROUNDS; round++) {
            Set<Long> answers = new HashSet<>();
            for (int t = 0; t < THREADS; t++) {
                answers.add(ids.get(round * THREADS + t));
            }
            assertEquals(1, answers.size(), "round " + round + " answered " + answers);
            assertEquals(1L, creations.get(round), "round " + round);
        }
        assertEquals((long) ROUNDS, children.count());
        assertEquals((long) ROUNDS, children.where(CcChild_.name.eq(name)).count());
        for (long parent : roundParents) {
            assertEquals(1L, parents.get(parent).children.count(), "children of parent " + parent);
        }
    }

    /** Runs {@code work} on {@value #THREADS} threads at once; any exception of any thread fails the test. */
    private static void runConcurrently(Runnable work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                done.add(pool.submit(work));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
