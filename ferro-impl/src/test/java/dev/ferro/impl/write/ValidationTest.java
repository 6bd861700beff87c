package dev.ferro.impl.write;

import dev.ferro.Query;
import dev.ferro.impl.testing.DatabaseTest;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidationTest extends DatabaseTest {

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {Member.class};
    }

    private Query<Member> members() {
        return ferro.query(Member.class);
    }

    static Stream<Arguments> invalidMembers() {
        return Stream.of(
                Arguments.of("blank username", (Consumer<Member>) m -> m.username = "   ", List.of("username")),
                Arguments.of("null username", (Consumer<Member>) m -> m.username = null, List.of("username")),
                Arguments.of("username over 20", (Consumer<Member>) m -> m.username = "a".repeat(21), List.of("username")),
                Arguments.of("bad email", (Consumer<Member>) m -> m.email = "not-an-email", List.of("email")),
                Arguments.of("negative age", (Consumer<Member>) m -> m.age = -1, List.of("age")),
                Arguments.of("bad email and blank username", (Consumer<Member>) m -> {
                    m.email = "@";
                    m.username = "";
                }, List.of("email", "username")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidMembers")
    void createOfAnInvalidModelIsRejectedWithoutSql(String why, Consumer<Member> breakIt, List<String> properties) {
        Member member = valid();
        breakIt.accept(member);

        assertRejected(assertThrows(ConstraintViolationException.class, () -> members().create(member)), properties);
        assertEquals(0, log.count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidMembers")
    void saveOfAnInvalidNewModelIsRejectedWithoutSql(String why, Consumer<Member> breakIt, List<String> properties) {
        Member member = valid();
        breakIt.accept(member);

        assertRejected(assertThrows(ConstraintViolationException.class, () -> ferro.save(member)), properties);
        assertEquals(0, log.count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidMembers")
    void saveOfAStoredModelMadeInvalidIsRejectedWithoutSql(String why, Consumer<Member> breakIt, List<String> properties) {
        Member member = members().create(valid());
        log.clear();
        breakIt.accept(member);

        assertRejected(assertThrows(ConstraintViolationException.class, () -> ferro.save(member)), properties);
        assertEquals(0, log.count());
        Member stored = members().get(member.id);
        assertEquals("alice alice@example.com 30", stored.username + " " + stored.email + " " + stored.age);
    }

    @Test
    void validModelPassesAndIsInsertedWithOneStatement() {
        Member alice = members().create(valid());

        assertEquals(1L, alice.id);
        assertEquals(1, log.count());
    }

    private static void assertRejected(ConstraintViolationException error, List<String> properties) {
        assertEquals(properties, error.getConstraintViolations().stream().map(v -> v.getPropertyPath().toString()).sorted().toList());
        assertTrue(error.getMessage().startsWith("Member is invalid: " + properties.get(0) + " "), error.getMessage());
    }

    private static Member valid() {
        return new Member("alice", "alice@example.com", 30);
    }
}
