package dev.ferro.bench.jmh;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

import java.util.Collection;
import java.util.List;

/**
 * Reports {@link HeapWatch}'s figures for the iteration as secondary results: {@code heap.live.peak}
 * and {@code heap.used.peak} (MB, the worst operation of the iteration, and the worst iteration of the
 * trial) and {@code heap.gc.count} (GCs per operation). Nothing for a benchmark that does not watch the heap.
 */
public final class HeapProfiler implements InternalProfiler {
    private static final double MB = 1024.0 * 1024.0;

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        HeapWatch.drain();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        double[] peaks = HeapWatch.drain();
        if (peaks == null) {
            return List.of();
        }
        return List.of(
                new ScalarResult("heap.live.peak", peaks[0] / MB, "MB", AggregationPolicy.MAX),
                new ScalarResult("heap.used.peak", peaks[1] / MB, "MB", AggregationPolicy.MAX),
                new ScalarResult("heap.gc.count", peaks[2], "GCs/op", AggregationPolicy.AVG));
    }

    @Override
    public String getDescription() {
        return "Peak heap of an operation: live after GCs, and the pools' peaks, above the live heap before it";
    }
}
