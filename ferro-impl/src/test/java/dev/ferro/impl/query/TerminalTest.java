package dev.ferro.impl.query;

import dev.ferro.ModelNotFoundException;
import dev.ferro.MultipleResultsException;
import dev.ferro.impl.testing.Database;
import dev.ferro.impl.testing.StatementLog;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** first, one, count and exists, and the reuse of rendered statements, on the data set of {@link PeopleTest}. */
class TerminalTest extends PeopleTest {

    @Test
    void firstTakesTheFirstRowInTheQueryOrder() {
        assertEquals("eve", people().orderBy(QueryPerson_.age.desc().nullsLast()).first().orElseThrow().name);
        assertEquals("bob", people().orderBy(QueryPerson_.age.asc().nullsLast()).first().orElseThrow().name);
        assertEquals("carol", people().where(QueryPerson_.active.isTrue()).orderBy(QueryPerson_.born.asc()).offset(1)
                .first().orElseThrow().name);
    }

    @Test
    void firstWithoutOrderTakesTheLowestId() {
        assertEquals(1L, people().first().orElseThrow().id);
        assertEquals("bob", people().where(QueryPerson_.city.eq("Berlin")).first().orElseThrow().name);
    }

    @Test
    void firstOfNoRowsIsEmpty() {
        assertTrue(people().where(QueryPerson_.age.gt(100)).first().isEmpty());
        assertTrue(people().offset(6).first().isEmpty());
        assertTrue(people().limit(0).first().isEmpty());
    }

    @Test
    void oneReturnsTheSingleMatch() {
        QueryPerson bob = people().where(QueryPerson_.name.eq("bob")).one();

        assertEquals(2L, bob.id);
        assertEquals("Berlin", bob.city);
        assertEquals("eve", people().where(QueryPerson_.city.eq("Berlin")).orderBy(QueryPerson_.age.desc()).limit(1).one().name);
    }

    @Test
    void oneOfNoRowsThrowsModelNotFoundNamingTheModel() {
        ModelNotFoundException e = assertThrows(ModelNotFoundException.class,
                () -> people().where(QueryPerson_.name.eq("mallory")).one());

        assertEquals(QueryPerson.class, e.model());
        assertNull(e.key());
        assertEquals("No QueryPerson matches the query", e.getMessage());
    }

    @Test
    void oneOfSeveralRowsThrowsMultipleResults() {
        MultipleResultsException e = assertThrows(MultipleResultsException.class,
                () -> people().where(QueryPerson_.city.eq("Paris")).one());

        assertEquals(QueryPerson.class, e.model());
        assertEquals("Expected one QueryPerson but the query matched more than one", e.getMessage());
        assertEquals(1, log.selects(), "one SELECT, limited to two rows, decides");
    }

    @Test
    void countRespectsFilters() {
        assertEquals(6, people().count());
        assertEquals(4, people().where(QueryPerson_.active.isTrue()).count());
        assertEquals(2, people().where(QueryPerson_.active.isTrue()).where(QueryPerson_.city.eq("Paris")).count());
        assertEquals(0, people().where(QueryPerson_.age.gt(100)).count());
    }

    @Test
    void countRespectsLimitAndOffset() {
        assertEquals(2, people().limit(2).count());
        assertEquals(6, people().limit(10).count());
        assertEquals(2, people().offset(4).count());
        assertEquals(1, people().offset(5).limit(3).count());
        assertEquals(0, people().offset(6).count());
        assertEquals(0, people().limit(0).count());
        assertEquals(3, people().where(QueryPerson_.active.isTrue()).orderBy(QueryPerson_.age.desc()).offset(1).count());
    }

    @Test
    void existsRespectsFiltersAndPaging() {
        assertTrue(people().exists());
        assertTrue(people().where(QueryPerson_.city.eq("Rome")).exists());
        assertFalse(people().where(QueryPerson_.city.eq("Oslo")).exists());
        assertTrue(people().offset(5).exists());
        assertFalse(people().offset(6).exists());
        assertFalse(people().where(QueryPerson_.city.eq("Rome")).offset(1).exists());
        assertTrue(people().limit(3).offset(5).exists());
    }

    @Test
    void existsWithLimitZeroIsFalse() {
        assertFalse(people().limit(0).exists());
        assertFalse(people().where(QueryPerson_.city.eq("Rome")).limit(0).exists());
    }

    @Test
    void existsAndCountRunOneStatementEach() {
        people().where(QueryPerson_.active.isTrue()).exists();
        people().where(QueryPerson_.active.isTrue()).count();

        assertEquals(2, log.count());
        String oneRow = database == Database.H2_OFFSET_FETCH ? " FETCH FIRST ? ROWS ONLY" : " LIMIT ?";
        assertTrue(log.entries().get(0).sql().endsWith(oneRow), log.entries().get(0).sql());
        assertTrue(log.entries().get(1).sql().contains("COUNT(*)"), log.entries().get(1).sql());
    }

    @Test
    void theSameQueryShapeWithOtherValuesReturnsTheirRows() {
        assertEquals(List.of("carol", "eve"), matching(QueryPerson_.age.gt(30)));
        assertEquals(List.of("eve"), matching(QueryPerson_.age.gt(35)));
        assertEquals(List.of("Alice", "alice", "carol", "eve"), matching(QueryPerson_.age.gt(26)));

        List<String> statements = log.entries().stream().map(StatementLog.Entry::sql).distinct().toList();
        assertEquals(1, statements.size(), "one statement text for one shape: " + statements);
    }

    @Test
    void shapesThatDifferOnlyInListLengthOrOperatorKeepTheirOwnStatements() {
        assertEquals(List.of("bob"), matching(QueryPerson_.age.in(25)));
        assertEquals(List.of("bob", "eve"), matching(QueryPerson_.age.in(25, 40)));
        assertEquals(List.of("bob"), matching(QueryPerson_.age.in(25)));
        assertEquals(List.of("Alice", "alice", "carol", "eve"), matching(QueryPerson_.age.notIn(25)));
        assertEquals(List.of("Alice", "alice", "bob"), matching(QueryPerson_.age.le(30)));
        assertEquals(List.of("alice", "carol", "eve"), matching(QueryPerson_.age.ge(30)));
        assertEquals(List.of("bob", "eve"), matching(QueryPerson_.city.eq("Berlin")));
        assertEquals(List.of("carol"), matching(QueryPerson_.city.eq(null)));
        assertEquals(List.of("bob", "eve"), matching(QueryPerson_.city.eq("Berlin")));
    }

    @Test
    void theSamePagedShapeWithOtherPagesReturnsTheirRows() {
        var byBirth = people().orderBy(QueryPerson_.born.asc());

        assertEquals(List.of("eve", "carol"), names(byBirth.limit(2).offset(0)));
        assertEquals(List.of("alice", "Alice"), names(byBirth.limit(2).offset(2)));
        assertEquals(List.of("bob", "dave"), names(byBirth.limit(2).offset(4)));
        assertEquals(List.of("Alice", "bob", "dave"), names(byBirth.limit(3).offset(3)));
    }
}
