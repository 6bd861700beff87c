package dev.ferro.impl.types;

import dev.ferro.DataAccessException;
import dev.ferro.ModelNotFoundException;
import dev.ferro.UniqueViolationException;
import dev.ferro.impl.testing.DatabaseTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Enums are stored by constant name; a UUID can be the key. */
class EnumAndUuidTest extends DatabaseTest {
    private static final UUID FIRST = UUID.fromString("6f1c2a9e-1b7d-4c3e-9a51-0d2f8e4b7c10");
    private static final UUID SECOND = UUID.fromString("00000000-0000-0000-0000-000000000002");

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {AllTypes.class, UuidKeyed.class};
    }

    @Test
    void enumIsStoredByName() {
        AllTypes written = new AllTypes();
        written.status = Status.ACTIVE;
        ferro.query(AllTypes.class).create(written);

        assertEquals(List.of(Map.of("status", "ACTIVE")),
                ferro.fetchAll("SELECT status FROM types_all WHERE id = ?", written.id));
        assertSame(Status.ACTIVE, ferro.query(AllTypes.class).get(written.id).status);
    }

    @Test
    void enumNameWrittenByOtherSqlIsRead() {
        long id = ferro.query(AllTypes.class).create(new AllTypes()).id;
        ferro.execute("UPDATE types_all SET status = ? WHERE id = ?", "CLOSED", id);

        assertEquals(List.of(id), ferro.query(AllTypes.class).where(AllTypes_.status.eq(Status.CLOSED)).all()
                .stream().map(model -> model.id).toList());
    }

    @Test
    void unknownEnumNameInColumnFailsNamingTheEnumType() {
        long id = ferro.query(AllTypes.class).create(new AllTypes()).id;
        ferro.execute("UPDATE types_all SET status = 'RETIRED' WHERE id = ?", id);

        DataAccessException error = assertThrows(DataAccessException.class, () -> ferro.query(AllTypes.class).get(id));

        assertTrue(error.getMessage().contains("'RETIRED' is not a constant of dev.ferro.impl.types.Status"), error.getMessage());
    }

    @Test
    void uuidKeyRoundTripsThroughAFreshRead() {
        UuidKeyed written = ferro.query(UuidKeyed.class).create(new UuidKeyed(FIRST, "first"));

        UuidKeyed read = ferro.query(UuidKeyed.class).get(FIRST);

        assertNotSame(written, read);
        assertEquals(FIRST, read.id);
        assertEquals("first", read.name);
    }

    @Test
    void uuidKeyIsUsedByQueriesSaveAndDelete() {
        var keyed = ferro.query(UuidKeyed.class);
        keyed.createAll(List.of(new UuidKeyed(FIRST, "first"), new UuidKeyed(SECOND, "second")));

        UuidKeyed second = keyed.get(SECOND);
        second.name = "renamed";
        ferro.save(second);
        ferro.delete(keyed.get(FIRST));

        assertEquals(List.of("renamed"), keyed.where(UuidKeyed_.id.in(FIRST, SECOND)).all().stream().map(m -> m.name).toList());
        assertEquals(Optional.empty(), keyed.find(FIRST));
    }

    @Test
    void unknownUuidKeyFailsNamingModelAndKey() {
        ModelNotFoundException error = assertThrows(ModelNotFoundException.class, () -> ferro.query(UuidKeyed.class).get(FIRST));

        assertEquals("UuidKeyed with id 6f1c2a9e-1b7d-4c3e-9a51-0d2f8e4b7c10 not found", error.getMessage());
        assertEquals(FIRST, error.key());
    }

    @Test
    void duplicateUuidKeyIsAUniqueViolation() {
        ferro.query(UuidKeyed.class).create(new UuidKeyed(FIRST, "first"));

        UniqueViolationException error = assertThrows(UniqueViolationException.class,
                () -> ferro.query(UuidKeyed.class).create(new UuidKeyed(FIRST, "again")));

        assertEquals(UuidKeyed.class, error.model());
        assertEquals(1, ferro.query(UuidKeyed.class).count());
    }
}
