package dev.ferro.bench.jmh;

import dev.ferro.bench.BenchSchema;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link LibraryState} for the insert workload: every insert starts from an empty table. The
 * per-invocation setup is safe here, as one insert of 10,000 rows takes milliseconds.
 */
@State(Scope.Benchmark)
public class InsertState extends LibraryState {

    @Setup(Level.Invocation)
    public void emptyTable() {
        BenchSchema.clearInserted(pool, bench.insertTable());
    }
}
