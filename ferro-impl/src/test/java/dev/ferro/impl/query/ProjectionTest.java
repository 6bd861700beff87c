package dev.ferro.impl.query;

import dev.ferro.InvalidQueryException;
import dev.ferro.impl.testing.StatementLog;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code select(...)}: one column's values, and records or classes made of a few columns, on {@link PeopleTest}'s rows. */
class ProjectionTest extends PeopleTest {

    record NameAge(long id, String name, Integer age) {
    }

    record Born(String name, LocalDate born, BigDecimal score, QueryLevel level) {
    }

    /** A plain class: its constructor that takes the columns is the one used. */
    static final class NameCity {
        final String name;
        final String city;

        NameCity(String name) {
            this(name, "?");
        }

        NameCity(String name, String city) {
            this.name = name;
            this.city = city;
        }

        @Override
        public String toString() {
            return name + "@" + city;
        }
    }

    record Five(long id, String name, Integer age, String city, boolean active) {
    }

    record TooFew(String name) {
    }

    record WrongType(String name, String age) {
    }

    record PrimitiveOfNullable(String name, int age) {
    }

    @Test
    void oneColumnsValuesComeInTheQueryOrder() {
        assertEquals(List.of("alice", "bob", "carol", "dave", "Alice", "eve"),
                people().orderBy(QueryPerson_.id.asc()).select(QueryPerson_.name).list());
        assertEquals(List.of("eve", "carol", "alice", "Alice"),
                people().where(QueryPerson_.age.ge(28)).orderBy(QueryPerson_.age.desc()).select(QueryPerson_.name).list());
    }

    @Test
    void aNullColumnIsANullValue() {
        assertEquals(Arrays.asList(30, 25, 35, null, 28, 40), people().orderBy(QueryPerson_.id.asc()).select(QueryPerson_.age).list());
        assertEquals(Arrays.asList("Paris", null),
                people().where(QueryPerson_.name.in(List.of("alice", "carol"))).orderBy(QueryPerson_.id.asc()).select(QueryPerson_.city).list());
    }

    @Test
    void valuesKeepTheirJavaTypes() {
        assertEquals(Arrays.asList(new BigDecimal("88.50"), new BigDecimal("95.25"), null, new BigDecimal("88.50")),
                people().where(QueryPerson_.active.isTrue()).orderBy(QueryPerson_.id.asc()).select(QueryPerson_.score).list());
        assertEquals(List.of(LocalDate.of(1984, 12, 31), LocalDate.of(1989, 11, 30)),
                people().orderBy(QueryPerson_.born.asc()).limit(2).select(QueryPerson_.born).list());
        assertEquals(Arrays.asList(QueryLevel.SENIOR, QueryLevel.JUNIOR, QueryLevel.LEAD, QueryLevel.JUNIOR, null, QueryLevel.SENIOR),
                people().orderBy(QueryPerson_.id.asc()).select(QueryPerson_.level).list());
        assertEquals(List.of(true, false, true, true, false, true), people().orderBy(QueryPerson_.id.asc()).select(QueryPerson_.active).list());
    }

    @Test
    void recordsTakeTheColumnsInOrder() {
        assertEquals(List.of(new NameAge(1, "alice", 30), new NameAge(4, "dave", null)),
                people().where(QueryPerson_.city.eq("Paris")).orderBy(QueryPerson_.id.asc())
                        .select(QueryPerson_.id, QueryPerson_.name, QueryPerson_.age).as(NameAge.class).list());
        assertEquals(List.of(new Born("eve", LocalDate.of(1984, 12, 31), new BigDecimal("88.50"), QueryLevel.SENIOR),
                        new Born("Alice", LocalDate.of(1996, 5, 20), new BigDecimal("60.75"), null)),
                people().where(QueryPerson_.name.in(List.of("eve", "Alice"))).orderBy(QueryPerson_.born.asc())
                        .select(QueryPerson_.name, QueryPerson_.born, QueryPerson_.score, QueryPerson_.level).as(Born.class).list());
    }

    @Test
    void fiveColumnsAndMoreTakeTheSameWay() {
        assertEquals(List.of(new Five(3, "carol", 35, null, true), new Five(4, "dave", null, "Paris", true)),
                people().where(QueryPerson_.id.between(3L, 4L)).orderBy(QueryPerson_.id.asc())
                        .select(List.of(QueryPerson_.id, QueryPerson_.name, QueryPerson_.age, QueryPerson_.city, QueryPerson_.active))
                        .as(Five.class).list());
    }

    @Test
    void aClassTakesTheColumnsThroughTheConstructorThatFits() {
        List<NameCity> rows = people().where(QueryPerson_.active.isFalse()).orderBy(QueryPerson_.id.asc())
                .select(QueryPerson_.name, QueryPerson_.city).as(NameCity.class).list();

        assertEquals("[bob@Berlin, Alice@Rome]", rows.toString());
    }

    @Test
    void limitAndOffsetApply() {
        assertEquals(List.of("carol", "alice"),
                people().orderBy(QueryPerson_.age.desc().nullsLast()).offset(1).limit(2).select(QueryPerson_.name).list());
        log.clear();
        assertEquals(List.of(), people().limit(0).select(QueryPerson_.name).list());
        assertEquals(0, log.count(), "a limit of 0 asks the database nothing");
    }

    @Test
    void aProjectionIsOneStatementOfTheSelectedColumnsOnly() {
        List<NameAge> rows = people().orderBy(QueryPerson_.id.asc()).select(QueryPerson_.id, QueryPerson_.name, QueryPerson_.age)
                .as(NameAge.class).list();

        assertEquals(6, rows.size());
        assertEquals(1, log.count());
        StatementLog.Entry select = log.entries().get(0);
        assertTrue(select.isSelect(), select.sql());
        assertFalse(select.sql().contains("city"), select.sql());
        assertFalse(select.sql().contains("score"), select.sql());
    }

    @Test
    void aProjectionReadsTheDatabaseEachTimeNotTheIdentityMap() {
        List<String> before = ferro.transaction(() -> {
            QueryPerson alice = people().get(1L);
            alice.name = "changed in memory";
            return people().where(QueryPerson_.id.eq(1L)).select(QueryPerson_.name).list();
        });

        assertEquals(List.of("alice"), before);
    }

    @Test
    void aStreamReadsTheValuesInOrder() {
        try (Stream<NameAge> rows = people().where(QueryPerson_.city.eq("Berlin")).orderBy(QueryPerson_.id.asc())
                .select(QueryPerson_.id, QueryPerson_.name, QueryPerson_.age).as(NameAge.class).stream()) {
            assertEquals(List.of(new NameAge(2, "bob", 25), new NameAge(6, "eve", 40)), rows.toList());
        }
        try (Stream<String> names = people().orderBy(QueryPerson_.id.desc()).select(QueryPerson_.name).stream()) {
            assertEquals(List.of("eve", "Alice", "dave", "carol", "bob", "alice"), names.toList());
        }
    }

    @Test
    void firstIsTheFirstRowsValue() {
        assertEquals(Optional.of("Alice"), people().where(QueryPerson_.city.eq("Rome")).select(QueryPerson_.name).first());
        assertEquals(Optional.empty(), people().where(QueryPerson_.age.gt(100)).select(QueryPerson_.name).first());
        assertEquals(Optional.of(new NameAge(6, "eve", 40)), people().orderBy(QueryPerson_.age.desc().nullsLast())
                .select(QueryPerson_.id, QueryPerson_.name, QueryPerson_.age).as(NameAge.class).first());
    }

    @Test
    void firstOfANullValueSaysSo() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> people().where(QueryPerson_.name.eq("carol")).select(QueryPerson_.city).first());

        assertEquals("The first row's QueryPerson.city is NULL, which an Optional cannot hold: read it with list() and limit(1)",
                e.getMessage());
    }

    @Test
    void aLockingProjectionNeedsATransaction() {
        InvalidQueryException e = assertThrows(InvalidQueryException.class,
                () -> people().forUpdate().select(QueryPerson_.name).list());
        assertTrue(e.getMessage().startsWith("forUpdate() on QueryPerson is refused outside a transaction"), e.getMessage());

        assertEquals(List.of("bob"), ferro.transaction(
                () -> people().where(QueryPerson_.id.eq(2L)).forUpdate().select(QueryPerson_.name).list()));
    }

    @Test
    void aRecordOfAnotherArityIsRefusedNamingBoth() {
        InvalidQueryException e = assertThrows(InvalidQueryException.class,
                () -> people().select(QueryPerson_.name, QueryPerson_.age).as(TooFew.class));

        assertEquals("The record " + TooFew.class.getName() + " has 1 components, and the projection selects 2 columns:"
                + " (String name, Integer age)", e.getMessage());
    }

    @Test
    void aComponentOfAnotherTypeIsRefusedNamingIt() {
        InvalidQueryException e = assertThrows(InvalidQueryException.class,
                () -> people().select(QueryPerson_.name, QueryPerson_.age).as(WrongType.class));

        assertEquals("The component age of " + WrongType.class.getName() + " cannot take QueryPerson.age: a String is not a Integer",
                e.getMessage());
    }

    @Test
    void aPrimitiveComponentOfANullableColumnIsRefused() {
        InvalidQueryException e = assertThrows(InvalidQueryException.class,
                () -> people().select(QueryPerson_.name, QueryPerson_.age).as(PrimitiveOfNullable.class));

        assertEquals("The component age of " + PrimitiveOfNullable.class.getName() + " cannot take QueryPerson.age: the column"
                + " may be NULL, which a int cannot hold (take a Integer)", e.getMessage());
    }

    @Test
    void aClassWithoutAFittingConstructorIsRefusedNamingWhatDoesNotFit() {
        InvalidQueryException e = assertThrows(InvalidQueryException.class,
                () -> people().select(QueryPerson_.name, QueryPerson_.age).as(NameCity.class));

        assertEquals(NameCity.class.getName() + " has no constructor that takes (String name, Integer age)"
                + " (parameter 2 cannot take QueryPerson.age: a String is not a Integer)", e.getMessage());
    }

    @Test
    void twoProjectionsOfOneTypeShareTheCheckedConstructor() {
        List<NameAge> first = people().where(QueryPerson_.id.eq(1L)).select(QueryPerson_.id, QueryPerson_.name, QueryPerson_.age)
                .as(NameAge.class).list();
        List<NameAge> second = people().where(QueryPerson_.id.eq(1L)).select(QueryPerson_.id, QueryPerson_.name, QueryPerson_.age)
                .as(NameAge.class).list();

        assertEquals(first, second);
        assertNotSame(first.get(0), second.get(0), "a projection makes new values every time");
    }
}
