package dev.ferro.impl.write;

import dev.ferro.NotNullViolationException;
import dev.ferro.Query;
import dev.ferro.UniqueViolationException;
import dev.ferro.impl.testing.DatabaseTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConstraintViolationTest extends DatabaseTest {
    private static final String USERNAME_CONSTRAINT = "uq_wr_member_username";

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {Member.class, Note.class, Seat.class, Voucher.class};
    }

    private Query<Member> members() {
        return ferro.query(Member.class);
    }

    @Test
    void duplicateUniqueValueRaisesUniqueViolationNamingModelAndConstraint() {
        members().create(new Member("alice", "alice@example.com", 30));

        UniqueViolationException error = assertThrows(UniqueViolationException.class,
                () -> members().create(new Member("alice", "other@example.com", 40)));

        assertUsernameViolation(error);
        assertOnlyAlice();
    }

    @Test
    void duplicateThroughSaveOfAnotherInstanceRaisesUniqueViolation() {
        members().create(new Member("alice", "alice@example.com", 30));
        Member bob = members().create(new Member("bob", "bob@example.com", 25));

        bob.username = "alice";
        assertUsernameViolation(assertThrows(UniqueViolationException.class, () -> ferro.save(bob)));
        assertUsernameViolation(assertThrows(UniqueViolationException.class,
                () -> ferro.save(new Member("alice", "third@example.com", 50))));

        assertEquals(List.of("alice", "bob"), usernamesById());
    }

    @Test
    void duplicateThroughBulkUpdateRaisesUniqueViolation() {
        members().create(new Member("alice", "alice@example.com", 30));
        members().create(new Member("bob", "bob@example.com", 25));

        UniqueViolationException error = assertThrows(UniqueViolationException.class,
                () -> members().where(Member_.username.eq("bob")).update(Member_.username.set("alice")));

        assertUsernameViolation(error);
        assertEquals(List.of("alice", "bob"), usernamesById());
    }

    @Test
    void bulkUpdateThatCollidesPartWayChangesNoRow() {
        members().create(new Member("alice", "alice@example.com", 30));
        members().create(new Member("bob", "bob@example.com", 25));
        members().create(new Member("carol", "carol@example.com", 35));

        UniqueViolationException error = assertThrows(UniqueViolationException.class,
                () -> members().update(Member_.username.set("zed")));

        assertUsernameViolation(error);
        assertEquals(List.of("alice", "bob", "carol"), usernamesById());
    }

    @Test
    void compositeUniqueRejectsSamePairButAcceptsEachValueWithAnother() {
        Query<Seat> seats = ferro.query(Seat.class);
        seats.create(new Seat("A", 1));
        seats.create(new Seat("A", 2));
        seats.create(new Seat("B", 1));

        UniqueViolationException error = assertThrows(UniqueViolationException.class, () -> seats.create(new Seat("A", 1)));

        assertEquals(Seat.class, error.model());
        assertEquals("uq_wr_seat_hall_place", error.constraint());
        assertTrue(error.getMessage().contains("Seat"), error.getMessage());
        assertEquals(List.of("A1", "A2", "B1"), seats.orderBy(Seat_.id.asc()).all().stream().map(s -> s.hall + s.place).toList());
    }

    @Test
    void constraintWhoseNameExtendsAnotherIsReportedAsItself() {
        Query<Voucher> vouchers = ferro.query(Voucher.class);
        vouchers.create(new Voucher("A", "X"));

        UniqueViolationException onCodeAlt = assertThrows(UniqueViolationException.class,
                () -> vouchers.create(new Voucher("B", "X")));
        UniqueViolationException onCode = assertThrows(UniqueViolationException.class,
                () -> vouchers.create(new Voucher("A", "Y")));

        assertEquals("uq_wr_voucher_code_alt", onCodeAlt.constraint());
        assertEquals("uq_wr_voucher_code", onCode.constraint());
        assertEquals(1, vouchers.count());
    }

    @Test
    void duplicatePrimaryKeyRaisesUniqueViolation() {
        members().create(new Member(7L, "alice"));

        UniqueViolationException error = assertThrows(UniqueViolationException.class,
                () -> members().create(new Member(7L, "bob")));

        assertEquals(Member.class, error.model());
        // Ferro names the constraints the model declares; the primary key's name is the database's
        // own (wr_member_pkey, PRIMARY, CONSTRAINT_8, or only the column on SQLite), so none is given.
        assertNull(error.constraint());
        assertTrue(error.getMessage().startsWith("Duplicate value on Member: insert Member violates a unique constraint or the primary key"),
                error.getMessage());
        assertEquals(List.of("alice"), usernamesById());
        assertEquals(7L, members().one().id);
    }

    @Test
    void nullInNotNullColumnRaisesNotNullViolationNamingTheColumn() {
        Query<Note> notes = ferro.query(Note.class);

        NotNullViolationException error = assertThrows(NotNullViolationException.class,
                () -> notes.create(new Note(null, "no title")));

        assertEquals(Note.class, error.model());
        assertEquals("title", error.constraint());
        assertTrue(error.getMessage().contains("Note") && error.getMessage().contains("title"), error.getMessage());
        assertEquals(0, notes.count());
    }

    @Test
    void nullInNotNullColumnThroughSaveOfAStoredModelRaisesNotNullViolation() {
        Note note = ferro.query(Note.class).create(new Note("title", "body"));
        note.title = null;

        NotNullViolationException error = assertThrows(NotNullViolationException.class, () -> ferro.save(note));

        assertEquals(Note.class, error.model());
        assertEquals("title", error.constraint());
        assertEquals("title", ferro.query(Note.class).get(note.id).title);
    }

    @Test
    void nullInNotNullColumnInABatchRaisesNotNullViolationAndInsertsNothing() {
        Query<Note> notes = ferro.query(Note.class);
        List<Note> batch = List.of(new Note("one", null), new Note(null, "two"), new Note("three", null));

        NotNullViolationException error = assertThrows(NotNullViolationException.class, () -> notes.createAll(batch));

        assertEquals(Note.class, error.model());
        assertEquals("title", error.constraint());
        assertEquals(0, notes.count());
    }

    @Test
    void uniqueViolationLeavingTransactionRollsBackItsEarlierWrites() {
        members().create(new Member("alice", "alice@example.com", 30));

        assertThrows(UniqueViolationException.class, () -> ferro.transaction(() -> {
            members().create(new Member("bob", "bob@example.com", 25));
            members().where(Member_.username.eq("alice")).update(Member_.age.set(99));
            members().create(new Member("alice", "again@example.com", 40));
        }));

        assertOnlyAlice();
    }

    private void assertUsernameViolation(UniqueViolationException error) {
        assertEquals(Member.class, error.model());
        assertEquals(USERNAME_CONSTRAINT, error.constraint());
        assertTrue(error.getMessage().contains("Member") && error.getMessage().contains(USERNAME_CONSTRAINT), error.getMessage());
    }

    private void assertOnlyAlice() {
        List<Member> all = members().all();
        assertEquals(1, all.size());
        Member alice = all.get(0);
        assertEquals(1L, alice.id);
        assertEquals("alice", alice.username);
        assertEquals("alice@example.com", alice.email);
        assertEquals(30, alice.age);
        assertNull(alice.city);
    }

    private List<String> usernamesById() {
        return members().orderBy(Member_.id.asc()).all().stream().map(m -> m.username).toList();
    }
}
