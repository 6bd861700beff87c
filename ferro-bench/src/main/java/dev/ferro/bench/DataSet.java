package dev.ferro.bench;

import java.time.LocalDateTime;
import java.util.List;

/**
 * The rows every library reads, and the values each workload asks for. Everything is a function of
 * a row number, so the smoke test can say exactly which rows a workload must return.
 */
public final class DataSet {
    public static final int PEOPLE = 10_000;
    public static final int AUTHORS = 100;
    public static final int TAGS = 50;
    public static final int POSTS = 1_000;
    /** The get-by-id workload's calls per operation. */
    public static final int GETS = 10_000;
    /** The filter workload's queries per operation, and each query's page size. */
    public static final int FILTERS = 1_000;
    /** How many times the report workload groups the posts by author. */
    public static final int REPORTS = 100;
    /** How many times the path workload filters posts by their author's name, and the cursor workload reads its page. */
    public static final int LOOKUPS = 1_000;
    /** The cursor workload's page size, and the page it reads (the 50th: rows 981 to 1,000 of the ordering). */
    public static final int CURSOR_PAGE_SIZE = 20;
    public static final int CURSOR_PAGE = 50;
    public static final int PAGE = 50;
    /** The stream workload's rows (table {@code bench_stream_row}, created only for that workload). */
    public static final int STREAM_ROWS = 1_000_000;
    /** The rows a stream fetches at a time: Ferro's default {@code fetchSize}, and raw JDBC's {@code setFetchSize}. */
    public static final int FETCH_SIZE = 1_000;

    private static final LocalDateTime EPOCH = LocalDateTime.of(2024, 1, 1, 0, 0);

    private DataSet() {
    }

    public static String username(int i) {
        return String.format("user%05d", i);
    }

    public static String email(int i) {
        return username(i) + "@example.com";
    }

    public static int age(int i) {
        return 18 + (i * 7) % 60;
    }

    public static double score(int i) {
        return (i * 37 % 1000) / 10.0;
    }

    public static boolean active(int i) {
        return i % 3 != 0;
    }

    public static LocalDateTime createdAt(int i) {
        return EPOCH.plusMinutes(i);
    }

    public static String authorName(int a) {
        return "author" + a;
    }

    public static String tagName(int t) {
        return "tag" + t;
    }

    public static String postTitle(int p) {
        return "Post " + p;
    }

    public static long postAuthor(int p) {
        return (p - 1) % AUTHORS + 1;
    }

    /** Three different tags per post. */
    public static List<Long> postTags(int p) {
        return List.of((long) (p % TAGS + 1), (long) ((p + 17) % TAGS + 1), (long) ((p + 34) % TAGS + 1));
    }

    /** The k-th id the get-by-id workload asks for: every id once, in a scattered order (7919 is prime). */
    /** The author whose posts the path workload's k-th filter asks for, by name. */
    public static String pathAuthor(int k) {
        return authorName(k % AUTHORS + 1);
    }

    /**
     * The people in the cursor workload's order, score descending then id, as row numbers: the last row of page 49
     * is the cursor's, and page 50 the rows after it.
     */
    public static List<Integer> byScoreDescending() {
        List<Integer> rows = new java.util.ArrayList<>(PEOPLE);
        for (int i = 1; i <= PEOPLE; i++) {
            rows.add(i);
        }
        rows.sort(java.util.Comparator.comparingDouble((Integer i) -> -score(i)).thenComparingInt(i -> i));
        return rows;
    }

    public static long getId(int k) {
        return (k * 7919L) % PEOPLE + 1;
    }

    /**
     * The k-th filter: ages {@code [minAge(k), minAge(k) + 1]} (about 220 active rows to order, of
     * 10,000), active only, best score first, then id.
     */
    public static int minAge(int k) {
        return 18 + k % 50;
    }

    public static int maxAge(int k) {
        return minAge(k) + 1;
    }

    /*
     * The stream rows, i from 1 to n. BenchSchema writes them with one INSERT ... SELECT whose SQL
     * computes the same values: label 'row' || i, amount MOD(i, 1000), price MOD(i, 100) / 4.
     */

    public static String streamLabel(long i) {
        return "row" + i;
    }

    public static int streamAmount(long i) {
        return (int) (i % 1000);
    }

    public static double streamPrice(long i) {
        return (i % 100) / 4.0;
    }
}
