package dev.ferro.impl.crud;

import dev.ferro.Query;
import dev.ferro.impl.testing.DatabaseTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A model with no column but its generated id: each database has its own form of an insert with no
 * values (MariaDB refuses {@code DEFAULT VALUES}).
 */
class KeyOnlyModelTest extends DatabaseTest {
    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {CrudTicket.class};
    }

    private Query<CrudTicket> tickets() {
        return ferro.query(CrudTicket.class);
    }

    @Test
    void createInsertsARowAndWritesBackItsGeneratedId() {
        CrudTicket first = tickets().create(new CrudTicket());
        CrudTicket second = tickets().create(new CrudTicket());

        assertEquals(List.of("INSERT", "INSERT"), log.entries().stream().map(entry -> entry.sql().split(" ")[0]).toList(),
                "one INSERT per create");
        assertEquals(List.of(1L, 2L), List.of(first.id, second.id));
        assertEquals(2L, tickets().get(2L).id);
        assertEquals(2, tickets().count());
    }

    @Test
    void createAllInsertsEveryRowAndWritesBackTheIdsInOrder() {
        List<CrudTicket> created = tickets().createAll(List.of(new CrudTicket(), new CrudTicket(), new CrudTicket()));

        assertEquals(List.of(1L, 2L, 3L), created.stream().map(ticket -> ticket.id).toList());
        assertEquals(List.of(1L, 2L, 3L), tickets().orderBy(CrudTicket_.id.asc()).all().stream().map(ticket -> ticket.id).toList());
    }

    @Test
    void saveOfANewModelInsertsAndDeleteRemovesTheRow() {
        CrudTicket ticket = ferro.save(new CrudTicket());
        assertEquals(1L, ticket.id);

        ferro.delete(ticket);

        assertEquals(0, tickets().count());
        assertFalse(tickets().find(1L).isPresent());
    }
}
