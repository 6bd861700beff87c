package dev.ferro.tck.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

/** Small helpers of the TCK's tests, inside the deployment. */
public final class TckSupport {
    /** How long any test waits for another thread, in seconds. */
    public static final long WAIT = 30;

    private TckSupport() {
    }

    /** Every message of {@code failure}'s cause chain and suppressed exceptions, one per line, each with its class. */
    public static String messages(Throwable failure) {
        List<String> lines = new ArrayList<>();
        collect(failure, lines, 0);
        return String.join("\n", lines);
    }

    private static void collect(Throwable failure, List<String> lines, int depth) {
        if (failure == null || depth > 30) {
            return;
        }
        lines.add(failure.getClass().getName() + ": " + failure.getMessage());
        for (Throwable suppressed : failure.getSuppressed()) {
            collect(suppressed, lines, depth + 1);
        }
        collect(failure.getCause(), lines, depth + 1);
    }

    /** The first exception of {@code type} in the cause chain of {@code failure}, or null. */
    public static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    public static void await(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other thread never got there");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static void await(CyclicBarrier barrier) {
        try {
            barrier.await(WAIT, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other thread never got there", e);
        }
    }
}
