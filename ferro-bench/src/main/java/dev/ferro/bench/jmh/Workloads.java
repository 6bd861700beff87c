package dev.ferro.bench.jmh;

import dev.ferro.bench.DataSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.infra.Blackhole;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The single-threaded workloads. One operation is the whole workload (10,000 gets, 1,000 filters),
 * so each score is the time of the workload as the issue states it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class Workloads {

    /** Insert 10,000 new rows in one batch, in one transaction, ids read back where the library can. */
    @Benchmark
    public List<?> insert(InsertState state) {
        return state.bench.insertPeople();
    }

    /** Select 10,000 rows into objects. */
    @Benchmark
    public List<?> select(LibraryState state) {
        return state.bench.selectPeople();
    }

    /** Project 10,000 rows' id, username and age into records. */
    @Benchmark
    public List<?> project(LibraryState state) {
        return state.bench.projectPeople();
    }

    /** Get by id, 10,000 times, each id once. */
    @Benchmark
    public void get(LibraryState state, Blackhole sink) {
        for (int k = 0; k < DataSet.GETS; k++) {
            sink.consume(state.bench.getPerson(DataSet.getId(k)));
        }
    }

    /** Filter, order and take 50 rows, 1,000 times, over 50 different age ranges. */
    @Benchmark
    public void filter(LibraryState state, Blackhole sink) {
        for (int k = 0; k < DataSet.FILTERS; k++) {
            sink.consume(state.bench.filterPeople(DataSet.minAge(k), DataSet.maxAge(k)));
        }
    }

    /** The titles of one author's posts, found by the author's name (a filter on a to-one path), 1,000 times. */
    @Benchmark
    public void path(LibraryState state, Blackhole sink) {
        for (int k = 0; k < DataSet.LOOKUPS; k++) {
            sink.consume(state.bench.titlesByAuthorName(DataSet.pathAuthor(k)));
        }
    }

    /** Page 50 of 20 people by score, after its cursor (keyset paging), 1,000 times. */
    @Benchmark
    public void cursor(LibraryState state, Blackhole sink) {
        for (int k = 0; k < DataSet.LOOKUPS; k++) {
            sink.consume(state.bench.cursorPage());
        }
    }

    /** Count the posts of each author (a GROUP BY of 1,000 rows into 100 records), 100 times. */
    @Benchmark
    public void report(LibraryState state, Blackhole sink) {
        for (int k = 0; k < DataSet.REPORTS; k++) {
            sink.consume(state.bench.postsPerAuthor());
        }
    }

    /** 1,000 posts with their author and tags: Ferro's join and prefetch, the peers' eager loading, three hand-written queries. */
    @Benchmark
    public List<?> prefetch(LibraryState state) {
        return state.bench.postsWithAuthorAndTags();
    }
}
