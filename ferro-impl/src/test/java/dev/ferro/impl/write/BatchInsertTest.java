package dev.ferro.impl.write;

import dev.ferro.Query;
import dev.ferro.UniqueViolationException;
import dev.ferro.impl.testing.Database;
import dev.ferro.impl.testing.DatabaseTest;
import dev.ferro.impl.testing.StatementLog;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchInsertTest extends DatabaseTest {
    private static final String LAST_ROWID = "SELECT last_insert_rowid()";

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {Member.class};
    }

    private Query<Member> members() {
        return ferro.query(Member.class);
    }

    @Test
    void createAllOfAThousandRowsIsOneBatchWritingIdsInListOrder() {
        List<Member> batch = newMembers(1000);

        List<Member> returned = members().createAll(batch);

        assertSame(batch, returned);
        assertEquals(LongStream.rangeClosed(1, 1000).boxed().toList(), ids(batch));
        List<StatementLog.Entry> entries = log.entries();
        // SQLite's driver returns no keys after a batch: Ferro asks for the last one and counts back.
        assertEquals(database == Database.SQLITE ? 2 : 1, entries.size(), entries::toString);
        assertTrue(entries.get(0).sql().startsWith("INSERT INTO"), entries.get(0).sql());
        assertEquals(1000, entries.get(0).batchSize());
        if (database == Database.SQLITE) {
            assertEquals(new StatementLog.Entry(LAST_ROWID, 1), entries.get(1));
        }
        List<Member> stored = members().orderBy(Member_.id.asc()).all();
        assertEquals(1000, stored.size());
        for (int k = 1; k <= 1000; k++) {
            assertEquals((long) k, stored.get(k - 1).id);
            assertEquals(name(k - 1), stored.get(k - 1).username);
        }
    }

    @Test
    void createAllMixingExplicitAndGeneratedIdsKeepsTheExplicitOnes() {
        List<Member> batch = List.of(new Member(null, "gen1"), new Member(500L, "set500"), new Member(null, "gen2"),
                new Member(600L, "set600"));

        members().createAll(batch);

        assertEquals(List.of(1L, 500L, 2L, 600L), ids(batch));
        Map<Long, String> stored = members().all().stream().collect(Collectors.toMap(m -> m.id, m -> m.username));
        assertEquals(Map.of(1L, "gen1", 2L, "gen2", 500L, "set500", 600L, "set600"), stored);
        assertEquals(List.of(2, 2), log.entries().stream().filter(e -> e.sql().startsWith("INSERT")).map(StatementLog.Entry::batchSize).toList());
    }

    @Test
    void createAllOfAnEmptyListRunsNoSql() {
        List<Member> none = new ArrayList<>();

        assertSame(none, members().createAll(none));

        assertEquals(0, log.count());
    }

    @Test
    void createAllWithOneInvalidModelInsertsNothing() {
        List<Member> batch = newMembers(10);
        batch.get(4).email = "not-an-email";

        ConstraintViolationException error = assertThrows(ConstraintViolationException.class, () -> members().createAll(batch));

        assertEquals(List.of("email"), error.getConstraintViolations().stream().map(v -> v.getPropertyPath().toString()).toList());
        assertTrue(error.getMessage().startsWith("Member"), error.getMessage());
        assertEquals(0, log.count());
        assertEquals(0, members().count());
    }

    @Test
    void createAllWithADuplicateInTheFiveHundredthRowInsertsNothing() {
        List<Member> batch = newMembers(1000);
        batch.get(499).username = batch.get(0).username;

        UniqueViolationException error = assertThrows(UniqueViolationException.class, () -> members().createAll(batch));

        assertEquals(Member.class, error.model());
        assertEquals("uq_wr_member_username", error.constraint());
        assertEquals(0, members().count());
        assertTrue(batch.stream().allMatch(m -> m.id == null), "no model keeps an id of a row that was rolled back");
    }

    @Test
    void createAllFailureCaughtInsideATransactionLeavesNoneOfItsRows() {
        List<Member> batch = newMembers(1000);
        batch.get(499).username = batch.get(0).username;

        ferro.transaction(() -> {
            members().create(new Member("before", "before@example.com", 1));
            assertThrows(UniqueViolationException.class, () -> members().createAll(batch));
            // H2 and MariaDB go on past the failing row, SQLite stops at it: only a savepoint undoes the rest.
            assertEquals(1, members().count());
            members().create(new Member("after", "after@example.com", 2));
        });

        assertEquals(List.of("before", "after"), members().orderBy(Member_.id.asc()).all().stream().map(m -> m.username).toList());
    }

    @Test
    void createAllWhoseExplicitIdsCollideRollsBackTheGeneratedRowsAndTheirIds() {
        members().create(new Member(null, "first"));
        Member generated = new Member(null, "generated");
        List<Member> batch = List.of(generated, new Member(1L, "collides"));

        UniqueViolationException error = assertThrows(UniqueViolationException.class, () -> members().createAll(batch));

        assertEquals(Member.class, error.model());
        assertEquals(null, generated.id);
        assertEquals(List.of("first"), members().all().stream().map(m -> m.username).toList());
    }

    @Test
    void createAllInATransactionThatFailsLaterLeavesNothing() {
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> ferro.transaction(() -> {
            members().createAll(newMembers(3));
            assertEquals(3, members().count());
            throw new IllegalStateException("later failure");
        }));

        assertEquals("later failure", error.getMessage());
        assertEquals(0, members().count());
    }

    private static List<Member> newMembers(int count) {
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            members.add(new Member(name(i), name(i) + "@example.com", i % 90));
        }
        return members;
    }

    private static String name(int index) {
        return String.format("member%04d", index);
    }

    private static List<Long> ids(List<Member> members) {
        return members.stream().map(m -> m.id).toList();
    }
}
