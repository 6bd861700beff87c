package dev.ferro.bench.jmh;

import dev.ferro.bench.DataSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** 64 threads getting rows by id through the pool of 10: throughput, gets per second. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ConcurrentGet {
    public static final int THREADS = 64;

    @Benchmark
    @Threads(THREADS)
    public Object concurrentGet(LibraryState state) {
        return state.bench.getPerson(ThreadLocalRandom.current().nextInt(DataSet.PEOPLE) + 1);
    }
}
