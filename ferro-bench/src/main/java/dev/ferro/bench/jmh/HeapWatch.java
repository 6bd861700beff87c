package dev.ferro.bench.jmh;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The heap one operation needs, measured around each operation of the stream workload (outside its
 * timing, by {@link StreamState}'s per-invocation set-up and tear-down) and reported per iteration by
 * {@link HeapProfiler}:
 * <ul>
 *   <li><b>live peak</b>: before the operation a full GC ({@code System.gc()}) gives the live heap;
 *   during it, every GC reports the heap in use after it (no garbage, only what is reachable then, plus
 *   old-generation garbage a young GC does not collect); the highest of those minus the live heap before
 *   is what the operation kept reachable at its worst observed moment. It is sampled at GCs, so the
 *   stream's fork pins the young generation small ({@code -Xmn64m}) to have a GC every few tens of MB
 *   allocated; the GC count says how many samples there were;</li>
 *   <li><b>used peak</b>: the heap pools' own peaks ({@link MemoryPoolMXBean#getPeakUsage()} after
 *   {@link MemoryPoolMXBean#resetPeakUsage()}), summed, minus the heap in use before: the most the heap
 *   held, garbage included, so it is bounded below by the young generation's size for any code that
 *   allocates more than that.</li>
 * </ul>
 */
final class HeapWatch {
    private static final List<MemoryPoolMXBean> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    private static final Set<String> HEAP_POOL_NAMES = HEAP_POOLS.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private static final List<GarbageCollectorMXBean> COLLECTORS = ManagementFactory.getGarbageCollectorMXBeans();

    /** GCs notified since start, the highest heap after one of them, and the ones that System.gc() ran. */
    private static final AtomicLong NOTIFIED = new AtomicLong();
    private static final AtomicLong LIVE_AFTER_GC = new AtomicLong();
    private static volatile boolean watching;

    /** The worst of the operations since the last {@link #drain()}: bytes, bytes, GCs per operation. */
    private static long livePeak = -1;
    private static long usedPeak = -1;
    private static long gcs;
    private static long operations;

    private static long before;
    private static long collectionsBefore;

    static {
        for (GarbageCollectorMXBean collector : COLLECTORS) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                        return;
                    }
                    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    long used = 0;
                    for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                        if (HEAP_POOL_NAMES.contains(pool.getKey())) {
                            used += pool.getValue().getUsed();
                        }
                    }
                    if (watching) {
                        LIVE_AFTER_GC.accumulateAndGet(used, Math::max);
                    }
                    NOTIFIED.incrementAndGet();
                }, null, null);
            }
        }
    }

    private HeapWatch() {
    }

    /** Before an operation: a full GC for the live heap, the pools' peaks reset, then the GCs watched. */
    static synchronized void start() {
        System.gc();
        awaitNotifications(collections());
        before = heapUsed();
        HEAP_POOLS.forEach(MemoryPoolMXBean::resetPeakUsage);
        LIVE_AFTER_GC.set(before);
        collectionsBefore = collections();
        watching = true;
    }

    /** After an operation: its peaks, kept when they are the worst since the last drain. */
    static synchronized void stop() {
        long collections = collections();
        awaitNotifications(collections);
        watching = false;
        long used = 0;
        for (MemoryPoolMXBean pool : HEAP_POOLS) {
            used += pool.getPeakUsage().getUsed();
        }
        livePeak = Math.max(livePeak, Math.max(0, LIVE_AFTER_GC.get() - before));
        usedPeak = Math.max(usedPeak, Math.max(0, used - before));
        gcs += collections - collectionsBefore;
        operations++;
    }

    /** The worst live peak and used peak in bytes, and the mean GCs per operation, since the last drain; null when none ran. */
    static synchronized double[] drain() {
        double[] result = operations == 0 ? null : new double[] {livePeak, usedPeak, (double) gcs / operations};
        livePeak = -1;
        usedPeak = -1;
        gcs = 0;
        operations = 0;
        return result;
    }

    private static long heapUsed() {
        long used = 0;
        for (MemoryPoolMXBean pool : HEAP_POOLS) {
            used += pool.getUsage().getUsed();
        }
        return used;
    }

    private static long collections() {
        long count = 0;
        for (GarbageCollectorMXBean collector : COLLECTORS) {
            count += Math.max(0, collector.getCollectionCount());
        }
        return count;
    }

    /** GC notifications arrive on a service thread after the GC: wait (at most a second) until they are in. */
    private static void awaitNotifications(long collections) {
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (NOTIFIED.get() < collections && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
