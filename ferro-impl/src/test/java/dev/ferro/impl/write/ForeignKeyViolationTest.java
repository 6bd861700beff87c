package dev.ferro.impl.write;

import dev.ferro.ForeignKeyViolationException;
import dev.ferro.impl.testing.DatabaseTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Relations are not models yet, so the child table with its foreign key is made by raw SQL. */
class ForeignKeyViolationTest extends DatabaseTest {

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {Member.class};
    }

    @BeforeEach
    void createChildTable() {
        ferro.execute("CREATE TABLE wr_child (id BIGINT PRIMARY KEY, member_id BIGINT, "
                + "CONSTRAINT fk_wr_child_member FOREIGN KEY (member_id) REFERENCES wr_member (id))");
        log.clear();
    }

    /** Runs before the base class closes Ferro; the parent table cannot be dropped while this one refers to it. */
    @AfterEach
    void dropChildTable() {
        ferro.execute("DROP TABLE IF EXISTS wr_child");
    }

    @Test
    void orphanInsertedByRawSqlRaisesForeignKeyViolationWithoutModel() {
        Member alice = ferro.query(Member.class).create(new Member("alice", "alice@example.com", 30));
        ferro.execute("INSERT INTO wr_child (id, member_id) VALUES (?, ?)", 1L, alice.id);

        ForeignKeyViolationException error = assertThrows(ForeignKeyViolationException.class,
                () -> ferro.execute("INSERT INTO wr_child (id, member_id) VALUES (?, ?)", 2L, 999L));

        assertNull(error.model());
        assertTrue(error.getMessage().startsWith("Foreign key violation"), error.getMessage());
        assertTrue(error.getMessage().contains("INSERT INTO wr_child"), error.getMessage());
        assertEquals(1L, childCount());
    }

    @Test
    void deletingAReferencedMemberRaisesForeignKeyViolationNamingTheModel() {
        Member alice = ferro.query(Member.class).create(new Member("alice", "alice@example.com", 30));
        ferro.execute("INSERT INTO wr_child (id, member_id) VALUES (?, ?)", 1L, alice.id);

        ForeignKeyViolationException error = assertThrows(ForeignKeyViolationException.class, () -> ferro.delete(alice));

        assertEquals(Member.class, error.model());
        assertTrue(error.getMessage().contains("Member"), error.getMessage());
        assertEquals("alice", ferro.query(Member.class).get(alice.id).username);
    }

    private long childCount() {
        return ((Number) ferro.fetchOne("SELECT COUNT(*) AS n FROM wr_child").orElseThrow().get("n")).longValue();
    }
}
