package dev.ferro.impl.query;

import dev.ferro.Condition;
import dev.ferro.Query;
import dev.ferro.impl.testing.AlsoOn;
import dev.ferro.impl.testing.Database;
import dev.ferro.impl.testing.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The fixed data set of the query tests, inserted before each test (the log starts after it):
 *
 * <pre>
 * id name  age  city    active born        score  level
 *  1 alice 30   Paris   true   1994-03-01  88.50  SENIOR
 *  2 bob   25   Berlin  false  1999-07-15  72.00  JUNIOR
 *  3 carol 35   NULL    true   1989-11-30  95.25  LEAD
 *  4 dave  NULL Paris   true   2001-01-01  NULL   JUNIOR
 *  5 Alice 28   Rome    false  1996-05-20  60.75  NULL
 *  6 eve   40   Berlin  true   1984-12-31  88.50  SENIOR
 * </pre>
 */
@AlsoOn(Database.H2_OFFSET_FETCH)
abstract class PeopleTest extends DatabaseTest {
    static final List<String> EVERYONE = List.of("Alice", "alice", "bob", "carol", "dave", "eve");

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {QueryPerson.class, QueryText.class};
    }

    @BeforeEach
    void insertPeople() {
        people().createAll(List.of(
                new QueryPerson("alice", 30, "Paris", true, LocalDate.of(1994, 3, 1), new BigDecimal("88.50"), QueryLevel.SENIOR),
                new QueryPerson("bob", 25, "Berlin", false, LocalDate.of(1999, 7, 15), new BigDecimal("72.00"), QueryLevel.JUNIOR),
                new QueryPerson("carol", 35, null, true, LocalDate.of(1989, 11, 30), new BigDecimal("95.25"), QueryLevel.LEAD),
                new QueryPerson("dave", null, "Paris", true, LocalDate.of(2001, 1, 1), null, QueryLevel.JUNIOR),
                new QueryPerson("Alice", 28, "Rome", false, LocalDate.of(1996, 5, 20), new BigDecimal("60.75"), null),
                new QueryPerson("eve", 40, "Berlin", true, LocalDate.of(1984, 12, 31), new BigDecimal("88.50"), QueryLevel.SENIOR)));
        log.clear();
    }

    Query<QueryPerson> people() {
        return ferro.query(QueryPerson.class);
    }

    /** The names of the query's rows, in its order. */
    static List<String> names(Query<QueryPerson> query) {
        return query.all().stream().map(p -> p.name).toList();
    }

    /** The names of the rows matching an (unordered) condition, sorted. */
    List<String> matching(Condition<QueryPerson> condition) {
        return people().where(condition).all().stream().map(p -> p.name).sorted().toList();
    }
}
