package dev.ferro.impl.write;

import dev.ferro.InvalidQueryException;
import dev.ferro.Query;
import dev.ferro.impl.testing.DatabaseTest;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BulkWriteTest extends DatabaseTest {
    private static final List<String> UNCHANGED = List.of("alice 30 Paris", "bob 25 Rome", "carol 35 Paris", "dave 40 Oslo",
            "erin 20 null");

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {Member.class, Note.class};
    }

    private Query<Member> members() {
        return ferro.query(Member.class);
    }

    @BeforeEach
    void fiveMembers() {
        member("alice", 30, "Paris");
        member("bob", 25, "Rome");
        member("carol", 35, "Paris");
        member("dave", 40, "Oslo");
        member("erin", 20, null);
        log.clear();
    }

    @Test
    void filteredUpdateReturnsTheCountAndChangesExactlyThoseRows() {
        long changed = members().where(Member_.city.eq("Paris")).update(Member_.age.set(50), Member_.email.set("fr@example.com"));

        assertEquals(2, changed);
        assertEquals(List.of("alice 50 Paris", "bob 25 Rome", "carol 50 Paris", "dave 40 Oslo", "erin 20 null"), rows());
        assertEquals(List.of("fr@example.com", "bob@example.com", "fr@example.com", "dave@example.com", "erin@example.com"),
                members().orderBy(Member_.id.asc()).all().stream().map(m -> m.email).toList());
    }

    @Test
    void updateWithoutFilterChangesEveryRow() {
        assertEquals(5, members().update(Member_.city.set("Lima")));

        assertEquals(List.of("alice 30 Lima", "bob 25 Lima", "carol 35 Lima", "dave 40 Lima", "erin 20 Lima"), rows());
    }

    @Test
    void updateMatchingNothingReturnsZero() {
        assertEquals(0, members().where(Member_.age.gt(100)).update(Member_.city.set("Lima")));

        assertEquals(UNCHANGED, rows());
    }

    @Test
    void deleteReturnsTheCountAndRemovesExactlyThoseRows() {
        assertEquals(3, members().where(Member_.age.ge(30)).delete());

        assertEquals(List.of("bob 25 Rome", "erin 20 null"), rows());
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit", "offset", "orderBy"})
    void updateOnAPagedOrOrderedQueryIsRefusedAndChangesNothing(String shape) {
        Query<Member> query = shaped(shape).apply(members().where(Member_.city.eq("Paris")));

        InvalidQueryException error = assertThrows(InvalidQueryException.class, () -> query.update(Member_.age.set(0)));

        assertTrue(error.getMessage().startsWith("update() on a query of Member with limit, offset or orderBy is refused"),
                error.getMessage());
        assertEquals(0, log.count());
        assertEquals(UNCHANGED, rows());
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit", "offset", "orderBy"})
    void deleteOnAPagedOrOrderedQueryIsRefusedAndDeletesNothing(String shape) {
        Query<Member> query = shaped(shape).apply(members());

        InvalidQueryException error = assertThrows(InvalidQueryException.class, query::delete);

        assertTrue(error.getMessage().startsWith("delete() on a query of Member with limit, offset or orderBy is refused"),
                error.getMessage());
        assertEquals(0, log.count());
        assertEquals(UNCHANGED, rows());
    }

    @Test
    void updateWithoutAssignmentsIsRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> members().update(java.util.List.of()));

        assertTrue(error.getMessage().contains("at least one assignment"), error.getMessage());
        assertEquals(0, log.count());
    }

    @Test
    void updateSettingTheIdIsRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> members().where(Member_.username.eq("bob")).update(Member_.id.set(99L)));

        assertTrue(error.getMessage().contains("cannot change the id"), error.getMessage());
        assertEquals(0, log.count());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), members().orderBy(Member_.id.asc()).all().stream().map(m -> m.id).toList());
    }

    @Test
    void updateToAValueBeanValidationRejectsChangesNothing() {
        ConstraintViolationException error = assertThrows(ConstraintViolationException.class,
                () -> members().update(Member_.age.set(-1)));

        assertEquals(List.of("age"), error.getConstraintViolations().stream().map(v -> v.getPropertyPath().toString()).toList());
        assertTrue(error.getMessage().startsWith("Member.age cannot be set to -1"), error.getMessage());
        assertEquals(0, log.count());
        assertEquals(UNCHANGED, rows());
    }

    @Test
    void settingNullIntoANonNullableAttributeIsRefused() {
        IllegalArgumentException primitive = assertThrows(IllegalArgumentException.class,
                () -> members().update(Member_.age.set(null)));
        IllegalArgumentException notNullColumn = assertThrows(IllegalArgumentException.class,
                () -> ferro.query(Note.class).update(Note_.title.set(null)));

        assertTrue(primitive.getMessage().contains("age") && primitive.getMessage().contains("not nullable"), primitive.getMessage());
        assertTrue(notNullColumn.getMessage().contains("title") && notNullColumn.getMessage().contains("not nullable"),
                notNullColumn.getMessage());
        assertEquals(0, log.count());
        assertEquals(UNCHANGED, rows());
    }

    private static Function<Query<Member>, Query<Member>> shaped(String shape) {
        return switch (shape) {
            case "limit" -> query -> query.limit(1);
            case "offset" -> query -> query.offset(1);
            case "orderBy" -> query -> query.orderBy(Member_.age.asc());
            default -> throw new IllegalArgumentException(shape);
        };
    }

    private void member(String username, int age, String city) {
        Member member = new Member(username, username + "@example.com", age);
        member.city = city;
        members().create(member);
    }

    private List<String> rows() {
        return members().orderBy(Member_.id.asc()).all().stream().map(m -> m.username + " " + m.age + " " + m.city).toList();
    }
}
