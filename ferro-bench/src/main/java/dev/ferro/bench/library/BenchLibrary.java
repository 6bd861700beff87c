package dev.ferro.bench.library;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/**
 * One library's code for each workload, written the way its documentation shows. Every operation
 * takes its connection from the shared pool and gives it back, as a request would.
 */
public interface BenchLibrary extends AutoCloseable {

    /** Builds {@link dev.ferro.bench.DataSet#PEOPLE} new rows and inserts them in one batch, in one transaction. */
    List<?> insertPeople();

    /** Every row of {@code bench_person}, as objects. */
    List<?> selectPeople();

    /** Three columns ({@link PersonSummary}) of every row of {@code bench_person}, into records. */
    List<PersonSummary> projectPeople();

    /** One row by its id. */
    Object getPerson(long id);

    /** Active people aged {@code minAge..maxAge}, best score first, then by id; the first page. */
    List<?> filterPeople(int minAge, int maxAge);

    /** {@code SELECT author_id, COUNT(*) FROM bench_post GROUP BY author_id}, into records, in no order. */
    List<AuthorPosts> postsPerAuthor();

    /** The titles of the posts whose author has this name, in id order: a filter on a to-one path. */
    List<String> titlesByAuthorName(String name);

    /**
     * Page {@link dev.ferro.bench.DataSet#CURSOR_PAGE} of {@code bench_person} by score descending then id, in pages of
     * {@link dev.ferro.bench.DataSet#CURSOR_PAGE_SIZE}: keyset paging after the last row of the page before, whose
     * cursor the library finds once and keeps.
     */
    List<?> cursorPage();

    /** Every post, in id order, with its author and its tags loaded. */
    List<?> postsWithAuthorAndTags();

    /**
     * Reads every row of {@code bench_stream_row} as a stream, {@link dev.ferro.bench.DataSet#FETCH_SIZE}
     * rows at a time, and folds them: only raw JDBC and Ferro implement it ({@link Libraries#STREAMING}).
     */
    default StreamFold streamRows() {
        throw new UnsupportedOperationException("No stream workload for " + getClass().getSimpleName());
    }

    /** A person object of this library, for the smoke test's comparisons. */
    PersonRow person(Object person);

    /** A post object of this library, for the smoke test's comparisons. */
    PostRow post(Object post);

    /** The table {@link #insertPeople()} writes to, which the insert workload empties before each operation. */
    default String insertTable() {
        return "bench_person_insert";
    }

    /** The id an inserted object was given, or null when the library does not read it back. */
    Long insertedId(Object inserted);

    @Override
    void close();

    record PersonRow(long id, String username, String email, int age, double score, boolean active, LocalDateTime createdAt) {
    }

    /** The stream workload's fold: the row count, the sums of the numeric columns and the labels' total length. */
    record StreamFold(long count, long idSum, long amountSum, double priceSum, long labelChars) {
        /** The fold of rows 1..n as {@link dev.ferro.bench.DataSet} defines them. */
        public static StreamFold expected(int n) {
            StreamTotals totals = new StreamTotals();
            for (long i = 1; i <= n; i++) {
                totals.add(i, dev.ferro.bench.DataSet.streamLabel(i), dev.ferro.bench.DataSet.streamAmount(i),
                        dev.ferro.bench.DataSet.streamPrice(i));
            }
            return totals.fold();
        }
    }

    /** The running fold, one row at a time. */
    final class StreamTotals {
        private long count;
        private long idSum;
        private long amountSum;
        private double priceSum;
        private long labelChars;

        public void add(long id, String label, int amount, double price) {
            count++;
            idSum += id;
            amountSum += amount;
            priceSum += price;
            labelChars += label.length();
        }

        public StreamFold fold() {
            return new StreamFold(count, idSum, amountSum, priceSum, labelChars);
        }
    }

    record PostRow(long id, String title, long authorId, String authorName, Set<String> tags) {
    }
}
