package dev.ferro.impl.execution;

import dev.ferro.DataAccessException;
import dev.ferro.DeadlockException;
import dev.ferro.FerroOptions;
import dev.ferro.Query;
import dev.ferro.SqlListener;
import dev.ferro.TransactionOptions;
import dev.ferro.UniqueViolationException;
import dev.ferro.impl.testing.Database;
import dev.ferro.impl.testing.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Every statement and transaction command of a scripted session reaches a {@link SqlListener}: CRUD,
 * relations, prefetch, raw SQL, schema and savepoints all run through the one Executor. Statements
 * are compared by kind (their first keyword), since their text differs per dialect.
 */
class OneExecutorTest extends DatabaseTest {
    /** Records statements as "INSERT" (or "INSERT x3" for a batch) and commands as "TX BEGIN", in order. */
    private static final class Recorder implements SqlListener {
        private final List<String> events = new CopyOnWriteArrayList<>();
        private final List<String> sql = new CopyOnWriteArrayList<>();

        @Override
        public void executed(String statement, int batchSize) {
            String kind = statement.stripLeading().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
            events.add(batchSize == 1 ? kind : kind + " x" + batchSize);
            sql.add(statement);
        }

        @Override
        public void transaction(TransactionCommand command) {
            events.add("TX " + command);
        }

        List<String> take() {
            List<String> taken = List.copyOf(events);
            events.clear();
            sql.clear();
            return taken;
        }
    }

    private final Recorder recorder = new Recorder();

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {ExAuthor.class, ExTag.class, ExPost.class};
    }

    @Override
    protected FerroOptions options(FerroOptions options) {
        return options.listener(recorder);
    }

    @BeforeEach
    void forgetTheTableSetUp() {
        recorder.take();
    }

    private boolean postgres() {
        return database == Database.POSTGRESQL;
    }

    private List<String> step(Runnable work) {
        recorder.take();
        work.run();
        return recorder.take();
    }

    @Test
    void everyStatementAndTransactionCommandOfAScriptedSessionReachesTheListener() {
        Query<ExAuthor> authors = ferro.query(ExAuthor.class);
        Query<ExPost> posts = ferro.query(ExPost.class);
        Query<ExTag> tags = ferro.query(ExTag.class);
        ExAuthor[] ann = new ExAuthor[1];
        ExPost[] post = new ExPost[1];
        ExTag[] tag = new ExTag[2];
        // PostgreSQL reads a stream with a cursor, which needs a transaction of the stream's own.
        List<String> streamed = postgres() ? List.of("TX BEGIN", "SELECT", "TX COMMIT") : List.of("SELECT");

        // CRUD
        assertEquals(List.of("INSERT"), step(() -> ann[0] = authors.create(new ExAuthor("ann"))));
        assertEquals(List.of("SELECT"), step(() -> authors.get(ann[0].id)));
        // An update by key, and an insert had no row that key: in one transaction.
        assertEquals(List.of("TX BEGIN", "UPDATE", "TX COMMIT"), step(() -> {
            ann[0].name = "anna";
            ferro.save(ann[0]);
        }));
        assertEquals(List.of("INSERT"), step(() -> post[0] = posts.create(new ExPost("p1", ann[0]))));
        // One batch in a transaction; SQLite's driver returns no keys after a batch, so Ferro asks for the last one.
        assertEquals(database == Database.SQLITE ? List.of("TX BEGIN", "INSERT x2", "SELECT", "TX COMMIT")
                : List.of("TX BEGIN", "INSERT x2", "TX COMMIT"), step(() -> {
            List<ExTag> created = tags.createAll(List.of(new ExTag("t1"), new ExTag("t2")));
            tag[0] = created.get(0);
            tag[1] = created.get(1);
        }));

        // relations
        assertEquals(List.of("SELECT", "SELECT"), step(() -> assertEquals("anna", posts.get(post[0].id).author.get().name)));
        assertEquals(List.of("SELECT", "SELECT"), step(() -> assertEquals(1, authors.get(ann[0].id).posts.all().size())));
        assertEquals(List.of("TX BEGIN", "INSERT x2", "TX COMMIT"), step(() -> post[0].tags.add(tag[0], tag[1])));

        // prefetch: the posts, their authors, their tags; then no SQL to read them
        assertEquals(List.of("SELECT", "SELECT", "SELECT"), step(() -> {
            List<ExPost> loaded = posts.prefetch(ExPost_.author, ExPost_.tags).all();
            assertEquals("anna", loaded.get(0).author.get().name);
            assertEquals(2, loaded.get(0).tags.all().size());
        }));

        // raw SQL and streams
        assertEquals(List.of("UPDATE"), step(() -> assertEquals(1, ferro.execute("UPDATE ex_tag SET name = ? WHERE name = ?", "t1b", "t1"))));
        assertEquals(List.of("SELECT"), step(() -> assertEquals(2, ferro.fetchAll("SELECT name FROM ex_tag").size())));
        assertEquals(streamed, step(() -> {
            try (Stream<?> rows = ferro.stream("SELECT name FROM ex_tag")) {
                assertEquals(2, rows.count());
            }
        }));
        assertEquals(streamed, step(() -> {
            try (Stream<ExTag> rows = tags.stream()) {
                assertEquals(2, rows.count());
            }
        }));

        // schema
        assertEquals(List.of("CREATE"), step(() -> ferro.schema().create(ExNote.class)));
        assertEquals(List.of("DROP"), step(() -> ferro.schema().drop(ExNote.class)));

        // savepoints: a nested block kept, a nested block rolled back
        assertEquals(List.of("TX BEGIN", "INSERT", "TX SAVEPOINT", "INSERT", "TX RELEASE_SAVEPOINT", "TX SAVEPOINT", "INSERT",
                "TX ROLLBACK_TO_SAVEPOINT", "TX COMMIT"), step(() -> ferro.transaction(() -> {
            tags.create(new ExTag("outer"));
            ferro.transaction(() -> {
                tags.create(new ExTag("inner-kept"));
            });
            assertThrows(IllegalStateException.class, () -> ferro.transaction(() -> {
                tags.create(new ExTag("inner-undone"));
                throw new IllegalStateException("undo the inner block");
            }));
        })));

        // a retried block: the failed attempt's rollback, then the attempt that commits
        assertEquals(List.of("TX BEGIN", "INSERT", "TX ROLLBACK", "TX BEGIN", "INSERT", "TX COMMIT"), step(() -> {
            int[] attempts = {0};
            ferro.transaction(TransactionOptions.defaults().retries(1), () -> {
                tags.create(new ExTag("retried" + attempts[0]));
                if (attempts[0]++ == 0) {
                    throw new DeadlockException("first attempt", new SQLException("provoked", "40001"));
                }
            });
        }));

        // A statement that fails is not reported (the listener hears of statements after they ran); on
        // PostgreSQL, whose transaction it aborted, the probe before the commit is, and the block rolls back.
        List<String> failedInsert = step(() -> {
            Runnable block = () -> ferro.transaction(() -> assertThrows(UniqueViolationException.class,
                    () -> ferro.execute("INSERT INTO ex_tag (id, name) VALUES (?, ?)", tag[0].id, "duplicate key")));
            if (postgres()) {
                assertEquals("25P02", assertThrows(DataAccessException.class, block::run).sqlState());
            } else {
                block.run();
            }
        });
        assertEquals(postgres() ? List.of("TX BEGIN", "SELECT", "TX ROLLBACK") : List.of("TX BEGIN", "TX COMMIT"), failedInsert);

        assertEquals(List.of("DELETE"), step(() -> ferro.delete(tag[1])));
        // What the session left: t2 deleted, t1 renamed, the rolled-back attempts and blocks gone.
        assertEquals(List.of("inner-kept", "outer", "retried1", "t1b"),
                tags.orderBy(ExTag_.name.asc()).all().stream().map(t -> t.name).toList());
    }
}
