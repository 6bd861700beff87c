package dev.ferro.bench.jmh;

import dev.ferro.bench.BenchSchema;
import dev.ferro.bench.DataSet;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@link LibraryState} for the stream workload: the {@value DataSet#STREAM_ROWS}-row table on top of
 * the common data, and the heap watched around each operation ({@link HeapWatch}: a full GC before
 * it, outside the timing). Per-invocation set-up is fine here, as one operation reads a million rows.
 */
@State(Scope.Benchmark)
public class StreamState extends LibraryState {

    @Override
    protected void prepare() {
        BenchSchema.createStreamRows(pool, DataSet.STREAM_ROWS);
    }

    @Setup(Level.Invocation)
    public void watchHeap() {
        HeapWatch.start();
    }

    @TearDown(Level.Invocation)
    public void readHeap() {
        HeapWatch.stop();
    }
}
