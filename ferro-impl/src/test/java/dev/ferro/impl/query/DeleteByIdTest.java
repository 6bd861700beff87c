package dev.ferro.impl.query;

import dev.ferro.InvalidQueryException;
import dev.ferro.ModelNotFoundException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code Query.delete(id)}: by key, one statement and no SELECT first, on {@link PeopleTest}'s rows. */
class DeleteByIdTest extends PeopleTest {

    @Test
    void deletesTheRowWithThatKeyInOneStatement() {
        people().delete(2L);

        assertEquals(1, log.count());
        assertTrue(log.entries().get(0).sql().startsWith("DELETE FROM "), log.entries().get(0).sql());
        assertEquals(List.of("alice", "carol", "dave", "Alice", "eve"), names(people().orderBy(QueryPerson_.id.asc())));
    }

    @Test
    void aKeyWithNoRowIsModelNotFoundNamingModelAndKey() {
        ModelNotFoundException e = assertThrows(ModelNotFoundException.class, () -> people().delete(99L));

        assertEquals(QueryPerson.class, e.model());
        assertEquals(99L, e.key());
        assertEquals("QueryPerson with id 99 not found", e.getMessage());
        assertEquals(6, people().count());
    }

    @Test
    void theQuerysFiltersApply() {
        assertThrows(ModelNotFoundException.class, () -> people().where(QueryPerson_.city.eq("Paris")).delete(2L));
        assertEquals(6, people().count(), "bob lives in Berlin: nothing was deleted");

        people().where(QueryPerson_.city.eq("Paris")).delete(1L);

        assertEquals(List.of("dave"), names(people().where(QueryPerson_.city.eq("Paris"))));
    }

    @Test
    void aKeyOfAnotherIntegerTypeIsTheSameKey() {
        people().delete(3);

        assertEquals(Optional.empty(), people().find(3L));
    }

    @Test
    void theIdentityMapForgetsTheDeletedInstance() {
        Optional<QueryPerson> after = ferro.transaction(() -> {
            QueryPerson alice = people().get(1L);
            assertEquals("alice", alice.name);
            people().delete(1L);
            return people().find(1L);
        });

        assertEquals(Optional.empty(), after);
    }

    @Test
    void aPagedQueryIsRefused() {
        InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> people().limit(1).delete(1L));

        assertTrue(e.getMessage().contains("delete"), e.getMessage());
        assertEquals(6, people().count());
    }

    @Test
    void aNullKeyIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> people().delete((Object) null));

        assertEquals("QueryPerson id must not be null", e.getMessage());
        assertEquals(0, log.count());
    }
}
