package dev.ferro.tck.query;

import dev.ferro.Condition;
import dev.ferro.InvalidQueryException;
import dev.ferro.ModelNotFoundException;
import dev.ferro.MultipleResultsException;
import dev.ferro.Query;
import dev.ferro.tck.model.TckPerson;
import dev.ferro.tck.model.TckPerson_;
import dev.ferro.tck.support.Requests;
import jakarta.inject.Inject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Queries through the injected {@code Query<TckPerson>}: conditions, ordering, paging, terminals, bulk writes. */
@ExtendWith(ArquillianExtension.class)
public abstract class QueryContract {

    @Inject
    Query<TckPerson> people;

    @Inject
    Requests requests;

    /** Called first by each test (not a @BeforeEach: see InjectionContract): five people, carol without an email. */
    private void given() {
        people.delete();
        people.createAll(List.of(
                new TckPerson("alice", 34, "alice@example.com"),
                new TckPerson("bob", 27, "bob@example.org"),
                new TckPerson("carol", 52, null),
                new TckPerson("dave", 17, "dave@example.com"),
                new TckPerson("erin", 41, "erin@example.com")));
        people.where(TckPerson_.name.eq("erin")).update(TckPerson_.active.set(false));
    }

    private static List<String> names(List<TckPerson> found) {
        return found.stream().map(p -> p.name).toList();
    }

    private List<String> names(Query<TckPerson> query) {
        return names(query.all());
    }

    @Test
    void comparisonsFilterTheRows() {
        given();
        assertEquals(List.of("alice", "carol", "erin"), names(people.where(TckPerson_.age.gt(30)).orderBy(TckPerson_.name.asc())));
        assertEquals(List.of("bob", "dave"), names(people.where(TckPerson_.age.le(27)).orderBy(TckPerson_.name.asc())));
        assertEquals(List.of("bob"), names(people.where(TckPerson_.name.eq("bob"))));
        assertEquals(4, people.where(TckPerson_.name.ne("bob")).count());
    }

    @Test
    void inBetweenAndTextMatching() {
        given();
        assertEquals(List.of("alice", "dave"), names(people.where(TckPerson_.name.in("dave", "alice", "zoe")).orderBy(TckPerson_.name.asc())));
        assertEquals(List.of("bob", "alice", "erin"), names(people.where(TckPerson_.age.between(27, 41)).orderBy(TckPerson_.age.asc())));
        assertEquals(List.of("alice", "dave", "erin"), names(people.where(TckPerson_.email.endsWith("@example.com")).orderBy(TckPerson_.name.asc())));
        assertEquals(List.of("carol"), names(people.where(TckPerson_.name.startsWith("ca"))));
        assertEquals(List.of("bob"), names(people.where(TckPerson_.email.like("%.org"))));
        assertEquals(List.of("alice", "carol"), names(people.where(TckPerson_.name.contains("a").and(TckPerson_.name.contains("l"))).orderBy(TckPerson_.name.asc())));
    }

    @Test
    void andOrNotAndChainedWhereCombine() {
        given();
        Condition<TckPerson> young = TckPerson_.age.lt(30);
        Condition<TckPerson> old = TckPerson_.age.gt(50);

        assertEquals(List.of("bob", "carol", "dave"), names(people.where(young.or(old)).orderBy(TckPerson_.name.asc())));
        assertEquals(List.of("alice", "erin"), names(people.where(young.or(old).not()).orderBy(TckPerson_.name.asc())));
        assertEquals(List.of("bob"), names(people.where(young).where(TckPerson_.age.ge(18))));
        assertEquals(List.of("alice", "bob", "carol", "dave"), names(people.where(TckPerson_.active.isTrue()).orderBy(TckPerson_.name.asc())));
    }

    @Test
    void nullChecks() {
        given();
        assertEquals(List.of("carol"), names(people.where(TckPerson_.email.isNull())));
        assertEquals(4, people.where(TckPerson_.email.isNotNull()).count());
    }

    @Test
    void orderingLimitAndOffsetPage() {
        given();
        Query<TckPerson> byAge = people.orderBy(TckPerson_.age.desc());

        assertEquals(List.of("carol", "erin", "alice", "bob", "dave"), names(byAge));
        assertEquals(List.of("carol", "erin"), names(byAge.limit(2)));
        assertEquals(List.of("alice", "bob"), names(byAge.limit(2).offset(2)));
        assertEquals(List.of("dave"), names(byAge.offset(4)));
    }

    @Test
    void countAndExistsRespectTheFilter() {
        given();
        assertEquals(5, people.count());
        assertEquals(2, people.where(TckPerson_.age.lt(30)).count());
        assertTrue(people.where(TckPerson_.name.eq("dave")).exists());
        assertFalse(people.where(TckPerson_.age.gt(100)).exists());
    }

    @Test
    void firstOneAndTheirFailures() {
        given();
        assertEquals(Optional.of("dave"), people.orderBy(TckPerson_.age.asc()).first().map(p -> p.name));
        assertEquals(Optional.empty(), people.where(TckPerson_.age.gt(100)).first());
        assertEquals("carol", people.where(TckPerson_.age.gt(50)).one().name);

        assertThrows(MultipleResultsException.class, () -> people.where(TckPerson_.age.gt(30)).one());
        ModelNotFoundException none = assertThrows(ModelNotFoundException.class, () -> people.where(TckPerson_.age.gt(100)).one());
        assertEquals(TckPerson.class, none.model());
    }

    @Test
    void aQueryIsImmutable() {
        given();
        Query<TckPerson> adults = people.where(TckPerson_.age.ge(18));
        Query<TckPerson> oldAdults = adults.where(TckPerson_.age.ge(40));
        adults.limit(1);
        adults.orderBy(TckPerson_.age.desc());

        assertEquals(4, adults.count());
        assertEquals(2, oldAdults.count());
        assertEquals(5, people.count());
    }

    @Test
    void bulkUpdateChangesTheMatchingRowsAndReturnsTheirCount() {
        given();
        long changed = people.where(TckPerson_.age.lt(30)).update(TckPerson_.age.set(30), TckPerson_.active.set(false));

        assertEquals(2, changed);
        assertEquals(List.of("bob", "dave"), requests.call(() -> names(people.where(TckPerson_.age.eq(30)).orderBy(TckPerson_.name.asc()))));
        assertEquals(3, requests.call(() -> people.where(TckPerson_.active.isFalse()).count()));
    }

    @Test
    void bulkDeleteRemovesTheMatchingRowsAndReturnsTheirCount() {
        given();
        long deleted = people.where(TckPerson_.email.endsWith("@example.com")).delete();

        assertEquals(3, deleted);
        assertEquals(List.of("bob", "carol"), requests.call(() -> names(people.orderBy(TckPerson_.name.asc()))));
    }

    @Test
    void aBulkWriteOnAPageIsRefusedAndChangesNothing() {
        given();
        assertThrows(InvalidQueryException.class, () -> people.orderBy(TckPerson_.age.asc()).limit(2).update(TckPerson_.age.set(0)));
        assertThrows(InvalidQueryException.class, () -> people.limit(2).delete());

        assertEquals(5, requests.call(people::count));
        assertEquals(0, requests.call(() -> people.where(TckPerson_.age.eq(0)).count()));
    }
}
