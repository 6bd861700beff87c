package dev.ferro.impl.query;

import dev.ferro.Order;
import dev.ferro.impl.testing.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** orderBy, limit and offset against the fixed data set of {@link PeopleTest}. */
class OrderingPagingTest extends PeopleTest {

    /** Each dialect writes the page its own way and binds its values in its own order; the rows are the same. */
    @Test
    void aPageIsWrittenInTheDialectsSyntaxAndBindsItsValuesInItsOrder() {
        String page = database == Database.H2_OFFSET_FETCH ? " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY" : " LIMIT ? OFFSET ?";

        assertEquals(List.of("alice", "bob"), names(people().orderBy(QueryPerson_.name.asc()).limit(2).offset(1)));
        assertEquals(List.of("alice", "bob", "carol"), names(people().orderBy(QueryPerson_.name.asc()).limit(3).offset(1)));
        assertEquals(List.of("dave", "eve"), names(people().orderBy(QueryPerson_.name.asc()).offset(4)));
        assertEquals(List.of("Alice"), names(people().orderBy(QueryPerson_.name.asc()).limit(1)));

        String paged = log.entries().get(0).sql();
        assertTrue(paged.endsWith(page), paged);
    }

    @Test
    void ascendingAndDescendingByOneKey() {
        assertEquals(List.of("eve", "carol", "alice", "Alice", "bob", "dave"), names(people().orderBy(QueryPerson_.born.asc())));
        assertEquals(List.of("dave", "bob", "Alice", "alice", "carol", "eve"), names(people().orderBy(QueryPerson_.born.desc())));
    }

    @Test
    void laterKeysBreakTiesOfEarlierOnes() {
        // alice and eve share the score 88.50; the name decides between them, both ways.
        assertEquals(List.of("carol", "alice", "eve", "bob", "Alice", "dave"),
                names(people().orderBy(QueryPerson_.score.desc().nullsLast(), QueryPerson_.name.asc())));
        assertEquals(List.of("carol", "eve", "alice", "bob", "Alice", "dave"),
                names(people().orderBy(QueryPerson_.score.desc().nullsLast(), QueryPerson_.name.desc())));
    }

    @Test
    void orderByAppendsKeysAcrossCalls() {
        var byCity = people().orderBy(QueryPerson_.city.asc().nullsLast());

        assertEquals(List.of("bob", "eve", "alice", "dave", "Alice", "carol"), names(byCity.orderBy(QueryPerson_.name.asc())));
        assertEquals(List.of("eve", "bob", "dave", "alice", "Alice", "carol"), names(byCity.orderBy(QueryPerson_.name.desc())));
    }

    static Stream<Arguments> nullPlacements() {
        return Stream.of(
                arguments("asc nulls first", QueryPerson_.age.asc().nullsFirst(), List.of("dave", "bob", "Alice", "alice", "carol", "eve")),
                arguments("asc nulls last", QueryPerson_.age.asc().nullsLast(), List.of("bob", "Alice", "alice", "carol", "eve", "dave")),
                arguments("desc nulls first", QueryPerson_.age.desc().nullsFirst(), List.of("dave", "eve", "carol", "alice", "Alice", "bob")),
                arguments("desc nulls last", QueryPerson_.age.desc().nullsLast(), List.of("eve", "carol", "alice", "Alice", "bob", "dave")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nullPlacements")
    void nullsFirstAndNullsLastHoldOnEveryDatabase(String description, Order<QueryPerson> order, List<String> expected) {
        assertEquals(expected, names(people().orderBy(order)));
    }

    @Test
    void nullPlacementAppliesPerKey() {
        // city NULLs first, then within each city the ages with NULL last: dave (no age) ends Paris.
        assertEquals(List.of("carol", "bob", "eve", "alice", "dave", "Alice"),
                names(people().orderBy(QueryPerson_.city.asc().nullsFirst(), QueryPerson_.age.asc().nullsLast())));
    }

    @Test
    void limitAndOffsetPageThroughTheOrder() {
        var byBirth = people().orderBy(QueryPerson_.born.asc());

        assertEquals(List.of("eve", "carol"), names(byBirth.limit(2)));
        assertEquals(List.of("alice", "Alice"), names(byBirth.limit(2).offset(2)));
        assertEquals(List.of("bob", "dave"), names(byBirth.offset(4).limit(10)));
        assertEquals(List.of(), names(byBirth.offset(6).limit(2)));
    }

    @Test
    void offsetWithoutLimitSkipsAndReturnsTheRest() {
        assertEquals(List.of("Alice", "bob", "dave"), names(people().orderBy(QueryPerson_.born.asc()).offset(3)));
        assertEquals(List.of("eve"), names(people().offset(5)));
    }

    @Test
    void limitZeroReturnsNoRows() {
        assertEquals(List.of(), names(people().limit(0)));
        assertEquals(List.of(), names(people().orderBy(QueryPerson_.age.asc()).offset(1).limit(0)));
    }

    @Test
    void theLastLimitOrOffsetCallWins() {
        assertEquals(List.of("alice", "bob", "carol"), names(people().limit(1).limit(3)));
        assertEquals(List.of("eve"), names(people().offset(1).offset(5)));
    }

    @Test
    void negativeLimitOrOffsetIsRefused() {
        IllegalArgumentException limit = assertThrows(IllegalArgumentException.class, () -> people().limit(-1));
        IllegalArgumentException offset = assertThrows(IllegalArgumentException.class, () -> people().offset(-2));

        assertEquals("limit must be >= 0, got -1", limit.getMessage());
        assertEquals("offset must be >= 0, got -2", offset.getMessage());
    }

    @Test
    void pagingWithoutOrderByOrdersById() {
        // Rewriting rows 1 and 2 moves them to the end of the table on PostgreSQL (a new row
        // version), so an unordered scan would no longer start with them.
        ferro.execute("UPDATE query_person SET city = ? WHERE id IN (1, 2)", "Lyon");
        log.clear();

        assertEquals(List.of("alice", "bob"), names(people().limit(2)));
        assertEquals(List.of("bob", "carol", "dave"), names(people().offset(1).limit(3)));
        assertEquals(List.of("Alice", "eve"), names(people().offset(4)));
        assertTrue(log.entries().stream().allMatch(e -> e.sql().contains(" ORDER BY ")), log.entries().toString());
    }

    @Test
    void anAttributeOfAnotherModelInOrderByIsRefusedNamingBothModels() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Order<QueryPerson> foreign = (Order) QueryText_.body.asc();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> people().orderBy(foreign).all());

        assertEquals("Attribute QueryText.body belongs to QueryText, not to QueryPerson", e.getMessage());
    }
}
