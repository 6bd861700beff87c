package dev.ferro.bench.jmh;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time per operation, as secondary results: {@code cpu.worker} (the JMH worker threads: the library's
 * code, the driver's and, on H2, the database's, plus a per-invocation set-up such as the insert's
 * {@code TRUNCATE}) and {@code cpu.process} (every thread of the fork: with the JIT and the GC). On a
 * machine shared with other work the time an operation waits for a core counts in its score but not
 * here. A server's own work (PostgreSQL's) is in neither.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    private static final double MS = 1_000_000.0;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private Map<Long, Long> workersBefore = Map.of();
    private long processBefore;

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        workersBefore = workerTimes();
        processBefore = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        long process = os.getProcessCpuTime() - processBefore;
        long workers = 0;
        for (Map.Entry<Long, Long> worker : workerTimes().entrySet()) {
            workers += worker.getValue() - workersBefore.getOrDefault(worker.getKey(), 0L);
        }
        long ops = result.getMetadata().getAllOps();
        if (ops == 0) {
            return List.of();
        }
        return List.of(
                new ScalarResult("cpu.worker", workers / MS / ops, "ms/op", AggregationPolicy.AVG),
                new ScalarResult("cpu.process", process / MS / ops, "ms/op", AggregationPolicy.AVG));
    }

    /** The CPU time of each live JMH worker thread, by id. */
    private Map<Long, Long> workerTimes() {
        Map<Long, Long> times = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains("jmh-worker")) {
                long time = threads.getThreadCpuTime(info.getThreadId());
                if (time >= 0) {
                    times.put(info.getThreadId(), time);
                }
            }
        }
        return times;
    }

    @Override
    public String getDescription() {
        return "CPU time per operation: the JMH worker threads, and the whole process";
    }
}
