package dev.ferro.bench;

import dev.ferro.bench.library.BenchLibrary;
import dev.ferro.bench.library.BenchLibrary.PersonRow;
import dev.ferro.bench.library.BenchLibrary.PostRow;
import dev.ferro.bench.library.BenchLibrary.StreamFold;
import dev.ferro.bench.library.Libraries;
import io.agroal.api.AgroalDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Each library's code for each workload returns the rows the benchmark claims it does, on each
 * database, once (no timing): a benchmark of a wrong query would measure nothing useful.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkloadSmokeTest {
    /** The smoke test's stream table: 25 fetches of {@link DataSet#FETCH_SIZE}, and a partial last one. */
    private static final int STREAM_ROWS = 25_321;

    /** One pool and one load of the data per database: the libraries only read it (the insert table is emptied first). */
    private final Map<BenchDatabase, AgroalDataSource> pools = new EnumMap<>(BenchDatabase.class);

    @AfterAll
    void closePools() {
        pools.values().forEach(AgroalDataSource::close);
    }

    private AgroalDataSource pool(BenchDatabase database) {
        return pools.computeIfAbsent(database, db -> {
            AgroalDataSource pool = db.openPool();
            BenchSchema.recreate(pool);
            BenchSchema.createStreamRows(pool, STREAM_ROWS);
            return pool;
        });
    }

    static Stream<Arguments> cells() {
        return Stream.of(BenchDatabase.values())
                .flatMap(database -> Libraries.NAMES.stream().map(library -> Arguments.of(library, database)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cells")
    void everyWorkloadReturnsTheExpectedRows(String library, BenchDatabase database) throws Exception {
        String unavailable = database.unavailableReason();
        if (unavailable != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(unavailable);
            }
            Assumptions.abort(unavailable);
        }
        AgroalDataSource pool = pool(database);
        try (BenchLibrary bench = Libraries.open(library, pool, database)) {
            checkSelect(bench);
            checkProject(bench);
            checkGet(bench);
            checkFilter(bench);
            checkPosts(bench);
            checkReport(bench);
            checkPath(bench);
            checkCursor(bench);
            checkInsert(bench, pool, library);
            checkConcurrentGets(bench);
            checkStream(bench, pool, library);
        }
    }

    private static void checkSelect(BenchLibrary bench) {
        List<PersonRow> rows = new ArrayList<>(bench.selectPeople().stream().map(bench::person).toList());
        rows.sort(Comparator.comparingLong(PersonRow::id));
        assertEquals(expectedPeople(), rows, "select: every row, every column");
    }

    private static void checkProject(BenchLibrary bench) {
        List<dev.ferro.bench.library.PersonSummary> rows = new ArrayList<>(bench.projectPeople());
        rows.sort(Comparator.comparingLong(dev.ferro.bench.library.PersonSummary::id));
        assertEquals(expectedPeople().stream().map(p -> new dev.ferro.bench.library.PersonSummary(p.id(), p.username(), p.age())).toList(),
                rows, "project: id, username and age of every row");
    }

    private static void checkReport(BenchLibrary bench) {
        List<dev.ferro.bench.library.AuthorPosts> rows = new ArrayList<>(bench.postsPerAuthor());
        rows.sort(Comparator.comparingLong(dev.ferro.bench.library.AuthorPosts::author));
        List<dev.ferro.bench.library.AuthorPosts> expected = new ArrayList<>();
        for (long author = 1; author <= DataSet.AUTHORS; author++) {
            expected.add(new dev.ferro.bench.library.AuthorPosts(author, DataSet.POSTS / DataSet.AUTHORS));
        }
        assertEquals(expected, rows, "report: each author's number of posts");
    }

    private static void checkPath(BenchLibrary bench) {
        for (int a : new int[] {1, 57, DataSet.AUTHORS}) {
            List<String> expected = new ArrayList<>();
            for (int p = 1; p <= DataSet.POSTS; p++) {
                if (DataSet.postAuthor(p) == a) {
                    expected.add(DataSet.postTitle(p));
                }
            }
            assertEquals(expected, bench.titlesByAuthorName(DataSet.authorName(a)), "path: the posts of author " + a);
        }
    }

    private static void checkCursor(BenchLibrary bench) {
        List<Integer> order = DataSet.byScoreDescending();
        int from = (DataSet.CURSOR_PAGE - 1) * DataSet.CURSOR_PAGE_SIZE;
        List<Long> expected = order.subList(from, from + DataSet.CURSOR_PAGE_SIZE).stream().map(Integer::longValue).toList();
        for (int k = 0; k < 2; k++) {
            assertEquals(expected, bench.cursorPage().stream().map(bench::person).map(PersonRow::id).toList(),
                    "cursor: page " + DataSet.CURSOR_PAGE + " by score, call " + k);
        }
    }

    private static void checkGet(BenchLibrary bench) {
        for (int k : new int[] {0, 1, 4242, DataSet.GETS - 1}) {
            long id = DataSet.getId(k);
            assertEquals(expectedPerson((int) id), bench.person(bench.getPerson(id)), "get " + id);
        }
        Set<Long> ids = new HashSet<>();
        IntStream.range(0, DataSet.GETS).forEach(k -> ids.add(DataSet.getId(k)));
        assertEquals(DataSet.PEOPLE, ids.size(), "the get workload asks for every id once");
    }

    private static void checkFilter(BenchLibrary bench) {
        for (int k : new int[] {0, 7, 49, DataSet.FILTERS - 1}) {
            int min = DataSet.minAge(k);
            int max = DataSet.maxAge(k);
            List<PersonRow> expected = expectedPeople().stream()
                    .filter(p -> p.age() >= min && p.age() <= max && p.active())
                    .sorted(Comparator.comparingDouble(PersonRow::score).reversed().thenComparingLong(PersonRow::id))
                    .limit(DataSet.PAGE)
                    .toList();
            assertEquals(DataSet.PAGE, expected.size());
            assertEquals(expected, bench.filterPeople(min, max).stream().map(bench::person).toList(), "filter ages " + min + ".." + max);
        }
    }

    private static void checkPosts(BenchLibrary bench) {
        List<PostRow> expected = new ArrayList<>();
        for (int p = 1; p <= DataSet.POSTS; p++) {
            long author = DataSet.postAuthor(p);
            Set<String> tags = new LinkedHashSet<>();
            DataSet.postTags(p).stream().sorted().forEach(tag -> tags.add(DataSet.tagName(tag.intValue())));
            expected.add(new PostRow(p, DataSet.postTitle(p), author, DataSet.authorName((int) author), tags));
        }
        List<PostRow> actual = bench.postsWithAuthorAndTags().stream().map(bench::post).toList();
        assertEquals(expected, actual, "posts in id order, their author, their tags in id order");
    }

    private static void checkInsert(BenchLibrary bench, AgroalDataSource pool, String library) throws SQLException {
        BenchSchema.clearInserted(pool, bench.insertTable());
        List<?> inserted = bench.insertPeople();
        assertEquals(DataSet.PEOPLE, inserted.size());
        List<PersonRow> stored = new ArrayList<>();
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT id, username, email, age, score, active, created_at FROM " + bench.insertTable() + " ORDER BY username")) {
            while (rows.next()) {
                stored.add(new PersonRow(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getInt(4), rows.getDouble(5),
                        rows.getBoolean(6), rows.getObject(7, java.time.LocalDateTime.class)));
            }
        }
        assertEquals(DataSet.PEOPLE, stored.size(), "rows inserted");
        if (library.equals("ferro-versioned")) {
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                 ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + bench.insertTable() + " WHERE version = 1")) {
                count.next();
                assertEquals(DataSet.PEOPLE, count.getInt(1), "every inserted row at version 1");
            }
        }
        for (int i = 1; i <= DataSet.PEOPLE; i++) {
            PersonRow row = stored.get(i - 1);
            PersonRow expected = expectedPerson(i);
            assertEquals(new PersonRow(row.id(), expected.username(), expected.email(), expected.age(), expected.score(),
                    expected.active(), expected.createdAt()), row, "inserted row " + i);
            Long id = bench.insertedId(inserted.get(i - 1));
            if (library.equals("jooq")) {
                assertNull(id, "jOOQ's batch returns no keys");
            } else {
                assertEquals(row.id(), id, "the id read back into object " + i);
            }
        }
    }

    private static void checkConcurrentGets(BenchLibrary bench) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(64);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 64; t++) {
                int thread = t;
                results.add(threads.submit(() -> {
                    for (int k = 0; k < 20; k++) {
                        int id = (thread * 20 + k) % DataSet.PEOPLE + 1;
                        if (!Objects.equals(expectedPerson(id), bench.person(bench.getPerson(id)))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertNotNull(result.get());
                assertEquals(true, result.get(), "64 threads on a pool of 10 each get the right rows");
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static void checkStream(BenchLibrary bench, AgroalDataSource pool, String library) throws SQLException {
        if (!Libraries.STREAMING.contains(library)) {
            assertThrows(UnsupportedOperationException.class, bench::streamRows, "no stream code for " + library);
            return;
        }
        StreamFold expected = StreamFold.expected(STREAM_ROWS);
        assertEquals(STREAM_ROWS, expected.count());
        assertEquals((long) STREAM_ROWS * (STREAM_ROWS + 1) / 2, expected.idSum());
        // The SQL that filled the table computed what DataSet says, row by row.
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id, label, amount, price FROM bench_stream_row ORDER BY id")) {
            for (long i = 1; i <= STREAM_ROWS; i++) {
                assertEquals(true, rows.next(), "stream row " + i);
                assertEquals(List.of(i, DataSet.streamLabel(i), DataSet.streamAmount(i), DataSet.streamPrice(i)),
                        List.of(rows.getLong(1), rows.getString(2), rows.getInt(3), rows.getDouble(4)), "stream row " + i);
            }
            assertEquals(false, rows.next(), "no more stream rows");
        }
        assertEquals(expected, bench.streamRows(), "the fold of every streamed row");
        // Twice: the stream gave its connection back (autocommit on again), and nothing was kept from the first read.
        assertEquals(expected, bench.streamRows(), "the fold again");
        try (Connection connection = pool.getConnection()) {
            assertEquals(true, connection.getAutoCommit(), "the stream's connection went back in autocommit");
        }
    }

    private static PersonRow expectedPerson(int i) {
        return new PersonRow(i, DataSet.username(i), DataSet.email(i), DataSet.age(i), DataSet.score(i), DataSet.active(i),
                DataSet.createdAt(i));
    }

    private static final List<PersonRow> EXPECTED_PEOPLE =
            IntStream.rangeClosed(1, DataSet.PEOPLE).mapToObj(WorkloadSmokeTest::expectedPerson).toList();

    private static List<PersonRow> expectedPeople() {
        return EXPECTED_PEOPLE;
    }
}
