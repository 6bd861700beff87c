package dev.ferro.impl.stream;

import dev.ferro.Ferro;
import dev.ferro.PoolExhaustedException;
import dev.ferro.Query;
import dev.ferro.impl.testing.Database;
import dev.ferro.impl.testing.DatabaseTest;
import dev.ferro.impl.testing.StatementLog;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code Query.stream()} and {@code ferro.stream(sql, args)}: rows, order, prefetch per chunk, and the connection given back. */
class StreamTest extends DatabaseTest {
    private static final int BOOKS = 2_500;
    private static final int AUTHORS = 10;

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {StreamAuthor.class, StreamBook.class};
    }

    private Query<StreamBook> books() {
        return ferro.query(StreamBook.class);
    }

    /** 2,500 books, book i (seq i) by author i % 10, inserted in id order. */
    private void write() {
        List<StreamAuthor> authors = new ArrayList<>();
        for (int i = 0; i < AUTHORS; i++) {
            authors.add(new StreamAuthor("author" + i));
        }
        ferro.query(StreamAuthor.class).createAll(authors);
        List<StreamBook> books = new ArrayList<>();
        for (int i = 0; i < BOOKS; i++) {
            books.add(new StreamBook(i, authors.get(i % AUTHORS)));
        }
        books().createAll(books);
        log.clear();
    }

    private static <T, R> List<R> read(Stream<T> stream, Function<T, R> value) {
        try (stream) {
            return stream.map(value).toList();
        }
    }

    private static int seq(Map<String, Object> row) {
        return ((Number) row.get("seq")).intValue();
    }

    // ---------------------------------------------------------------- rows

    @Test
    void queryStreamGivesEveryRowInOrderInOneStatement() {
        write();

        List<Integer> seqs = read(books().orderBy(StreamBook_.seq.asc()).stream(), b -> b.seq);

        assertEquals(IntStream.range(0, BOOKS).boxed().toList(), seqs);
        assertEquals(1, log.count());
    }

    @Test
    void queryStreamRespectsWhereOrderByAndLimit() {
        write();

        List<Integer> seqs = read(books().where(StreamBook_.seq.ge(100)).where(StreamBook_.seq.lt(2_000))
                .orderBy(StreamBook_.seq.desc()).limit(1_500).stream(), b -> b.seq);

        // 1999 down to 500: the first 1,500 of the 1,900 matching rows, highest first.
        assertEquals(IntStream.rangeClosed(500, 1_999).map(i -> 2_499 - i).boxed().toList(), seqs);
        assertEquals(1, log.count());
    }

    @Test
    void rawStreamGivesEveryRowInOrderWithBoundArguments() {
        write();

        List<String> rows = read(ferro.stream("SELECT seq, title FROM stream_book WHERE seq >= ? ORDER BY seq DESC", 1_000),
                row -> seq(row) + ":" + row.get("title"));

        assertEquals(IntStream.range(1_000, BOOKS).map(i -> BOOKS - 1 - (i - 1_000)).mapToObj(i -> i + ":book" + i).toList(),
                rows);
        assertEquals(1, log.count());
    }

    /** Streamed rows stay out of the identity map: two reads of a row give two instances, unlike get(). */
    @Test
    void streamedRowsAreNotKeptInTheIdentityMap() {
        write();

        ferro.transaction(() -> {
            StreamBook got = books().get(1L);
            StreamBook streamed = read(books().where(StreamBook_.id.eq(1L)).stream(), b -> b).get(0);
            StreamBook streamedAgain = read(books().where(StreamBook_.id.eq(1L)).stream(), b -> b).get(0);
            assertNotSame(got, streamed);
            assertNotSame(streamed, streamedAgain);
            assertSame(got, books().get(1L));
        });
    }

    // ---------------------------------------------------------------- prefetch

    /**
     * Prefetch on a stream runs per chunk of maxInListKeys rows (1,000; 500 on SQLite): 2,500 rows
     * take 1 select and 3 author statements (5 on SQLite), where all() takes 1 and 1; both attach the
     * same authors, and reading them afterwards runs no SQL.
     */
    @Test
    void streamPrefetchRunsOneStatementPerChunkAndAttachesTheSameRowsAsAll() {
        write();
        int chunk = database == Database.SQLITE ? 500 : 1_000;
        int chunks = (BOOKS + chunk - 1) / chunk;

        List<String> streamed = read(books().orderBy(StreamBook_.id.asc()).prefetch(StreamBook_.author).stream(),
                b -> b.seq + " by " + b.author.get().name);

        assertEquals(1 + chunks, log.count(), () -> log.entries().toString());
        assertEquals(database == Database.SQLITE ? 6 : 4, log.count());
        log.clear();
        List<String> all = books().orderBy(StreamBook_.id.asc()).prefetch(StreamBook_.author).all().stream()
                .map(b -> b.seq + " by " + b.author.get().name).toList();
        assertEquals(2, log.count());
        assertEquals(all, streamed);
        assertEquals(IntStream.range(0, BOOKS).mapToObj(i -> i + " by author" + i % AUTHORS).toList(), streamed);
    }

    // ---------------------------------------------------------------- the connection

    /** A Ferro of one connection that waits half a second for it: a stream that kept it makes the next call fail. */
    private Ferro onePooledConnection() {
        return database.connect(database.options().maxPoolSize(1).acquisitionTimeout(Duration.ofMillis(500))
                .models(models()).listener(new StatementLog()));
    }

    @Test
    void anOpenStreamHoldsTheOnlyConnectionUntilItIsClosed() {
        write();
        try (Ferro single = onePooledConnection()) {
            Query<StreamBook> books = single.query(StreamBook.class);
            Stream<StreamBook> open = books.stream();
            try {
                assertEquals(0, open.limit(1).count() - 1);
                PoolExhaustedException exhausted = assertThrows(PoolExhaustedException.class, books::count);
                assertEquals(1, exhausted.poolSize());
            } finally {
                open.close();
            }
            assertEquals(BOOKS, books.count());
        }
    }

    @Test
    void theConnectionIsBackAfterAFullReadAPartialReadAndAConsumerException() {
        write();
        try (Ferro single = onePooledConnection()) {
            Query<StreamBook> books = single.query(StreamBook.class).orderBy(StreamBook_.seq.asc());

            // Read to the end, not closed: the end of the rows gives the connection back.
            assertEquals(BOOKS, books.stream().count());
            assertEquals(BOOKS, books.count());

            // A partial read, then close.
            assertEquals(List.of(0, 1, 2), read(books.stream().limit(3), b -> b.seq));
            assertEquals(BOOKS, books.count());
            assertEquals(List.of(0, 1, 2), read(single.stream("SELECT seq FROM stream_book ORDER BY seq").limit(3),
                    StreamTest::seq));
            assertEquals(BOOKS, books.count());

            // The consumer throws halfway; try-with-resources closes the stream.
            IllegalStateException consumerFailure = new IllegalStateException("consumer fails");
            List<Integer> seen = new ArrayList<>();
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> {
                try (Stream<StreamBook> stream = books.stream()) {
                    stream.forEach(b -> {
                        if (b.seq == 1_200) {
                            throw consumerFailure;
                        }
                        seen.add(b.seq);
                    });
                }
            });
            assertSame(consumerFailure, thrown);
            assertEquals(1_200, seen.size());
            assertEquals(BOOKS, books.count());

            IllegalStateException rawThrown = assertThrows(IllegalStateException.class, () -> {
                try (Stream<Map<String, Object>> stream = single.stream("SELECT seq FROM stream_book ORDER BY seq")) {
                    stream.forEach(row -> {
                        if (seq(row) == 10) {
                            throw consumerFailure;
                        }
                    });
                }
            });
            assertSame(consumerFailure, rawThrown);
            assertEquals(BOOKS, books.count());

            // A stream with prefetch, closed after a partial read. MariaDB's driver would buffer the rest of
            // the streamed rows to run the prefetch on the stream's connection, so outside a transaction
            // Ferro prefetches on a second connection there, which a pool of one does not have.
            Stream<StreamBook> prefetching = books.prefetch(StreamBook_.author).stream().limit(2);
            if (database == Database.MARIADB) {
                assertThrows(PoolExhaustedException.class, () -> read(prefetching, b -> b.author.get().name));
            } else {
                assertEquals(List.of("author0", "author1"), read(prefetching, b -> b.author.get().name));
            }
            assertEquals(BOOKS, books.count());
        }
    }

    /** Inside a transaction a stream reads on the transaction's connection: with a pool of one, there is no other. */
    @Test
    void aStreamInsideATransactionSeesItsUncommittedRows() {
        write();
        try (Ferro single = onePooledConnection()) {
            Query<StreamBook> books = single.query(StreamBook.class);
            StreamAuthor author = single.query(StreamAuthor.class).get(1L);
            RuntimeException rollback = new RuntimeException("roll back");

            RuntimeException thrown = assertThrows(RuntimeException.class, () -> single.transaction(() -> {
                books.create(new StreamBook(10_000, author));
                books.create(new StreamBook(10_001, author));
                assertEquals(List.of(10_000, 10_001),
                        read(books.where(StreamBook_.seq.ge(10_000)).orderBy(StreamBook_.seq.asc()).stream(), b -> b.seq));
                assertEquals(List.of(10_000, 10_001), read(
                        single.stream("SELECT seq FROM stream_book WHERE seq >= ? ORDER BY seq", 10_000), StreamTest::seq));
                assertEquals(List.of("author0", "author0"), read(books.where(StreamBook_.seq.ge(10_000))
                        .prefetch(StreamBook_.author).stream(), b -> b.author.get().name));
                throw rollback;
            }));

            assertSame(rollback, thrown);
            assertEquals(BOOKS, books.count());
            assertEquals(List.of(), read(books.where(StreamBook_.seq.ge(10_000)).stream(), b -> b.seq));
        }
    }
}
