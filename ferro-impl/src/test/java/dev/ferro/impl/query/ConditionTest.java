package dev.ferro.impl.query;

import dev.ferro.Attribute;
import dev.ferro.Condition;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every condition of the API against the fixed data set of {@link PeopleTest}. */
class ConditionTest extends PeopleTest {

    @Test
    void eqMatchesExactlyAndCaseSensitively() {
        assertEquals(List.of("alice"), matching(QueryPerson_.name.eq("alice")));
        assertEquals(List.of("Alice"), matching(QueryPerson_.name.eq("Alice")));
        assertEquals(List.of("alice"), matching(QueryPerson_.age.eq(30)));
        assertEquals(List.of(), matching(QueryPerson_.name.eq("ALICE")));
    }

    @Test
    void neExcludesTheValueAndRowsWhereTheColumnIsNull() {
        assertEquals(List.of("Alice", "bob", "eve"), matching(QueryPerson_.city.ne("Paris")));
        assertEquals(List.of("Alice", "alice", "bob", "carol"), matching(QueryPerson_.age.ne(40)));
    }

    @Test
    void orderingComparisonsOnNumbers() {
        assertEquals(List.of("Alice", "bob"), matching(QueryPerson_.age.lt(30)));
        assertEquals(List.of("Alice", "alice", "bob"), matching(QueryPerson_.age.le(30)));
        assertEquals(List.of("carol", "eve"), matching(QueryPerson_.age.gt(30)));
        assertEquals(List.of("alice", "carol", "eve"), matching(QueryPerson_.age.ge(30)));
    }

    @Test
    void orderingComparisonsOnText() {
        assertEquals(List.of("carol", "dave", "eve"), matching(QueryPerson_.name.gt("bob")));
        assertEquals(List.of("Alice", "alice", "bob"), matching(QueryPerson_.name.le("bob")));
    }

    @Test
    void inMatchesAnyListedValue() {
        assertEquals(List.of("bob", "eve"), matching(QueryPerson_.age.in(25, 40)));
        assertEquals(List.of("alice", "carol"), matching(QueryPerson_.name.in(List.of("carol", "alice", "mallory"))));
        assertEquals(List.of("alice"), matching(QueryPerson_.age.in(30)));
    }

    @Test
    void notInExcludesListedValuesAndRowsWhereTheColumnIsNull() {
        assertEquals(List.of("Alice", "alice", "carol"), matching(QueryPerson_.age.notIn(25, 40)));
        assertEquals(List.of("Alice", "alice", "carol", "dave"), matching(QueryPerson_.name.notIn(List.of("bob", "eve"))));
    }

    @Test
    void emptyInMatchesNothingAndEmptyNotInMatchesEverything() {
        assertEquals(List.of(), matching(QueryPerson_.age.in(List.of())));
        assertEquals(EVERYONE, matching(QueryPerson_.age.notIn(List.of())));
        assertEquals(0, people().where(QueryPerson_.name.in(List.of())).count());
    }

    @Test
    void inOrNotInWithANullValueIsRefusedNamingTheAttribute() {
        IllegalArgumentException in = assertThrows(IllegalArgumentException.class, () -> QueryPerson_.age.in(25, null));
        IllegalArgumentException notIn = assertThrows(IllegalArgumentException.class,
                () -> QueryPerson_.city.notIn(Arrays.asList("Rome", null)));

        assertEquals("QueryPerson.age.in(...) got a null value; SQL IN never matches NULL: use isNull()", in.getMessage());
        assertEquals("QueryPerson.city.notIn(...) got a null value; SQL IN never matches NULL: use isNull()", notIn.getMessage());
    }

    @Test
    void likeUsesWildcardsAndIsCaseSensitive() {
        assertEquals(List.of("alice"), matching(QueryPerson_.name.like("a%")));
        assertEquals(List.of("Alice"), matching(QueryPerson_.name.like("A%")));
        assertEquals(List.of("Alice", "alice", "dave", "eve"), matching(QueryPerson_.name.like("%e")));
        assertEquals(List.of("eve"), matching(QueryPerson_.name.like("_ve")));
        assertEquals(List.of(), matching(QueryPerson_.name.like("ALICE")));
    }

    @Test
    void startsWithEndsWithAndContainsAreCaseSensitive() {
        assertEquals(List.of("alice"), matching(QueryPerson_.name.startsWith("al")));
        assertEquals(List.of("Alice"), matching(QueryPerson_.name.startsWith("Al")));
        assertEquals(List.of("Alice", "alice"), matching(QueryPerson_.name.endsWith("ice")));
        assertEquals(List.of("Alice", "alice"), matching(QueryPerson_.name.contains("lic")));
        assertEquals(List.of(), matching(QueryPerson_.name.contains("LIC")));
        assertEquals(List.of("bob", "carol"), matching(QueryPerson_.name.contains("o")));
    }

    @Test
    void isNullAndIsNotNull() {
        assertEquals(List.of("carol"), matching(QueryPerson_.city.isNull()));
        assertEquals(List.of("Alice", "alice", "bob", "dave", "eve"), matching(QueryPerson_.city.isNotNull()));
        assertEquals(List.of("dave"), matching(QueryPerson_.age.isNull()));
    }

    @Test
    void eqNullMeansIsNullAndNeNullMeansIsNotNull() {
        assertEquals(List.of("carol"), matching(QueryPerson_.city.eq(null)));
        assertEquals(List.of("Alice", "alice", "bob", "dave", "eve"), matching(QueryPerson_.city.ne(null)));
    }

    @Test
    void comparingWithNullIsRefusedNamingTheAttribute() {
        IllegalArgumentException lt = assertThrows(IllegalArgumentException.class, () -> QueryPerson_.age.lt(null));
        IllegalArgumentException contains = assertThrows(IllegalArgumentException.class, () -> QueryPerson_.name.contains(null));

        assertEquals("QueryPerson.age < null is never true in SQL; use isNull()", lt.getMessage());
        assertEquals("QueryPerson.name.contains(null) is never true in SQL; use isNull()", contains.getMessage());
    }

    @Test
    void betweenIncludesBothEnds() {
        assertEquals(List.of("Alice", "alice", "bob"), matching(QueryPerson_.age.between(25, 30)));
        assertEquals(List.of("alice"), matching(QueryPerson_.age.between(30, 30)));
        assertEquals(List.of(), matching(QueryPerson_.age.between(31, 30)));
        assertThrows(IllegalArgumentException.class, () -> QueryPerson_.age.between(25, null));
    }

    @Test
    void andOrAndNotCombine() {
        var paris = QueryPerson_.city.eq("Paris");
        var active = QueryPerson_.active.isTrue();
        assertEquals(List.of("alice", "dave"), matching(paris.and(active)));
        assertEquals(List.of("alice", "carol", "dave", "eve"), matching(paris.or(active)));
        assertEquals(List.of("Alice", "bob", "eve"), matching(paris.not()));
        // carol's city is NULL: NOT (NULL OR false) is NULL, so she is not matched, as in SQL.
        assertEquals(List.of("Alice", "bob"), matching(Condition.not(paris.or(QueryPerson_.age.ge(40)))));
    }

    @Test
    void orThenAndGroupsTheOrFirst() {
        var berlin = QueryPerson_.city.eq("Berlin");
        var rome = QueryPerson_.city.eq("Rome");
        var active = QueryPerson_.active.isTrue();

        // (Berlin OR Rome) AND active: SQL's own precedence would read Berlin OR (Rome AND active).
        assertEquals(List.of("eve"), matching(berlin.or(rome).and(active)));
        assertEquals(List.of("bob", "eve"), matching(berlin.or(rome.and(active))));
        assertEquals(List.of("Alice", "bob"), matching(Condition.and(berlin.or(rome), active.not())));
    }

    @Test
    void andWithNoTermsIsTrueAndOrWithNoTermsIsFalse() {
        assertEquals(EVERYONE, matching(Condition.and()));
        assertEquals(List.of(), matching(Condition.or()));
        assertEquals(EVERYONE, matching(Condition.<QueryPerson>or().not()));
        assertEquals(List.of("bob", "eve"), matching(Condition.or(QueryPerson_.city.eq("Berlin"), Condition.or())));
        assertEquals(List.of(), matching(Condition.and(QueryPerson_.city.eq("Berlin"), Condition.or())));
    }

    @Test
    void chainedWhereCallsAndTogether() {
        var query = people().where(QueryPerson_.active.isTrue()).where(QueryPerson_.city.eq("Paris"));

        assertEquals(List.of("alice", "dave"), query.all().stream().map(p -> p.name).sorted().toList());
        assertEquals(List.of("alice"), names(query.where(QueryPerson_.age.isNotNull())));
    }

    @Test
    void booleanIsTrueAndIsFalse() {
        assertEquals(List.of("alice", "carol", "dave", "eve"), matching(QueryPerson_.active.isTrue()));
        assertEquals(List.of("Alice", "bob"), matching(QueryPerson_.active.isFalse()));
        assertEquals(List.of("Alice", "bob"), matching(QueryPerson_.active.eq(false)));
    }

    @Test
    void localDateComparisons() {
        assertEquals(List.of("carol", "eve"), matching(QueryPerson_.born.lt(LocalDate.of(1990, 1, 1))));
        assertEquals(List.of("Alice", "bob"), matching(QueryPerson_.born.between(LocalDate.of(1996, 5, 20), LocalDate.of(1999, 7, 15))));
        assertEquals(List.of("dave"), matching(QueryPerson_.born.eq(LocalDate.of(2001, 1, 1))));
        assertEquals(List.of("dave"), matching(QueryPerson_.born.gt(LocalDate.of(1999, 7, 15))));
    }

    @Test
    void bigDecimalComparisonsIgnoreScale() {
        assertEquals(List.of("alice", "eve"), matching(QueryPerson_.score.eq(new BigDecimal("88.5"))));
        assertEquals(List.of("alice", "carol", "eve"), matching(QueryPerson_.score.ge(new BigDecimal("88.50"))));
        assertEquals(List.of("Alice"), matching(QueryPerson_.score.lt(new BigDecimal("72"))));
        assertEquals(List.of("Alice", "bob"), matching(QueryPerson_.score.between(new BigDecimal("60.75"), new BigDecimal("72.00"))));
        assertEquals(new BigDecimal("95.25"), people().where(QueryPerson_.name.eq("carol")).one().score);
    }

    @Test
    void enumComparisonsUseTheConstant() {
        assertEquals(List.of("alice", "eve"), matching(QueryPerson_.level.eq(QueryLevel.SENIOR)));
        assertEquals(List.of("bob", "carol", "dave"), matching(QueryPerson_.level.in(QueryLevel.JUNIOR, QueryLevel.LEAD)));
        assertEquals(List.of("Alice"), matching(QueryPerson_.level.isNull()));
        assertEquals(List.of("alice", "carol", "eve"), matching(QueryPerson_.level.ne(QueryLevel.JUNIOR)));
        assertEquals(QueryLevel.LEAD, people().where(QueryPerson_.name.eq("carol")).one().level);
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void anAttributeOfAnotherModelIsRefusedNamingBothModels() {
        Condition<QueryPerson> foreign = (Condition) QueryText_.body.eq("x");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> people().where(foreign).all());

        assertEquals("Attribute QueryText.body belongs to QueryText, not to QueryPerson", e.getMessage());
        assertEquals(0, log.count());
    }

    @Test
    void anAttributeNamingNoFieldOfTheModelIsRefused() {
        Attribute<QueryPerson, String> nickname = new Attribute<>(QueryPerson.class, "nickname", String.class);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> people().where(nickname.eq("al")).all());

        assertEquals("Model QueryPerson has no persistent field 'nickname'", e.getMessage());
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedNamingTheField() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Condition<QueryPerson> wrong = new Condition.Compare(QueryPerson_.age, Condition.Operator.EQ, "thirty");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> people().where(wrong).count());

        assertEquals("QueryPerson.age is Integer, got String thirty", e.getMessage());
    }
}
