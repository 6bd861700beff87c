package dev.ferro.impl.transients;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs blocks on threads of their own, each bounded in time, and reports how each one ended. */
final class Conflict {
    /** Longer than any lock wait or deadlock detection the tests provoke (PostgreSQL's deadlock_timeout is 1 s). */
    static final long BOUND_SECONDS = 30;

    private Conflict() {
    }

    /** How a block ended: null failure when it returned. */
    record Outcome(Throwable failure) {
        boolean succeeded() {
            return failure == null;
        }
    }

    /** Runs every block at once and waits (bounded) for all of them; every thread is stopped afterwards. */
    static List<Outcome> runConcurrently(List<Runnable> blocks) throws InterruptedException {
        ExecutorService threads = Executors.newFixedThreadPool(blocks.size());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Runnable block : blocks) {
                futures.add(threads.submit(block));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<?> future : futures) {
                try {
                    future.get(BOUND_SECONDS, TimeUnit.SECONDS);
                    outcomes.add(new Outcome(null));
                } catch (ExecutionException e) {
                    outcomes.add(new Outcome(e.getCause()));
                } catch (TimeoutException e) {
                    throw new AssertionError("a conflicting block did not end within " + BOUND_SECONDS + " s", e);
                }
            }
            return outcomes;
        } finally {
            threads.shutdownNow();
            if (!threads.awaitTermination(BOUND_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("conflict threads did not stop");
            }
        }
    }

    /** Waits at the barrier, bounded, inside a block (which cannot throw checked exceptions). */
    static void await(CyclicBarrier barrier) {
        try {
            barrier.await(BOUND_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException("the other transaction never reached the barrier", e);
        }
    }
}
