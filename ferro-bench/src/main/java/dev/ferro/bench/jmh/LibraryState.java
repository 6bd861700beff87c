package dev.ferro.bench.jmh;

import dev.ferro.bench.BenchDatabase;
import dev.ferro.bench.BenchSchema;
import dev.ferro.bench.library.BenchLibrary;
import dev.ferro.bench.library.Libraries;
import io.agroal.api.AgroalDataSource;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One library on one database for a whole trial (one forked JVM): a fresh pool of
 * {@value BenchDatabase#POOL_SIZE} connections, the schema and the data created anew, then the
 * library opened on that pool.
 */
@State(Scope.Benchmark)
public class LibraryState {
    /** One of {@link Libraries#NAMES}; these are the defaults ({@link Libraries#DEFAULT}) when JMH is run directly. */
    @Param({"jdbc", "ferro", "jdbi", "hibernate", "jooq"})
    public String library;

    @Param({"h2", "postgresql"})
    public String database;

    public AgroalDataSource pool;
    public BenchLibrary bench;

    @Setup(Level.Trial)
    public void open() {
        BenchDatabase db = BenchDatabase.of(database);
        pool = db.openPool();
        BenchSchema.recreate(pool);
        prepare();
        bench = Libraries.open(library, pool, db);
    }

    /** More data for one workload, after the common schema and before the library opens. */
    protected void prepare() {
    }

    @TearDown(Level.Trial)
    public void close() {
        bench.close();
        pool.close();
    }
}
