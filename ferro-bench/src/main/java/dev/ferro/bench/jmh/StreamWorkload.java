package dev.ferro.bench.jmh;

import dev.ferro.bench.library.BenchLibrary.StreamFold;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

import java.util.concurrent.TimeUnit;

/**
 * Streams the {@value dev.ferro.bench.DataSet#STREAM_ROWS} rows of {@code bench_stream_row}, a fetch
 * size at a time, and folds them (count, sums, label length). Run by BenchRunner in forks of its own
 * (only the libraries that implement it; a small young generation for {@link HeapWatch}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StreamWorkload {

    @Benchmark
    public StreamFold stream(StreamState state) {
        return state.bench.streamRows();
    }
}
