package dev.ferro.impl.query;

import dev.ferro.Condition;
import dev.ferro.impl.testing.AlsoOn;
import dev.ferro.impl.testing.Database;
import dev.ferro.impl.testing.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * startsWith, endsWith and contains take their argument literally, including the characters that
 * LIKE ({@code % _}), Ferro's escape ({@code !}), the servers' default escape ({@code \}) and
 * SQLite's GLOB ({@code * ? [}) treat specially; like() keeps its wildcards. All case-sensitive.
 */
@AlsoOn(Database.H2_OFFSET_FETCH)
class TextMatchTest extends DatabaseTest {
    private static final List<String> BODIES = List.of("50% off", "500 off", "a_b", "axb", "x!y", "xy", "C:\\dir", "C:dir",
            "a*b", "what?", "whats", "[x]", "x", "x ", "100%");

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {QueryText.class};
    }

    @BeforeEach
    void insertTexts() {
        ferro.query(QueryText.class).createAll(BODIES.stream().map(QueryText::new).toList());
        log.clear();
    }

    static Stream<Arguments> literalMatches() {
        return Stream.of(
                arguments("contains 50%", QueryText_.body.contains("50%"), List.of("50% off")),
                arguments("endsWith %", QueryText_.body.endsWith("%"), List.of("100%")),
                arguments("contains _", QueryText_.body.contains("_"), List.of("a_b")),
                arguments("startsWith a_", QueryText_.body.startsWith("a_"), List.of("a_b")),
                arguments("contains !", QueryText_.body.contains("!"), List.of("x!y")),
                arguments("endsWith !y", QueryText_.body.endsWith("!y"), List.of("x!y")),
                arguments("contains backslash", QueryText_.body.contains("\\"), List.of("C:\\dir")),
                arguments("startsWith C:backslash", QueryText_.body.startsWith("C:\\"), List.of("C:\\dir")),
                arguments("contains *", QueryText_.body.contains("*"), List.of("a*b")),
                arguments("endsWith ?", QueryText_.body.endsWith("?"), List.of("what?")),
                arguments("contains [x]", QueryText_.body.contains("[x]"), List.of("[x]")),
                arguments("contains OFF", QueryText_.body.contains("OFF"), List.of()),
                arguments("like 50%", QueryText_.body.like("50%"), List.of("50% off", "500 off")),
                arguments("like a_b", QueryText_.body.like("a_b"), List.of("a*b", "a_b", "axb")),
                arguments("like x", QueryText_.body.like("x"), List.of("x")),
                // In a user's pattern only % and _ are special: a backslash is no escape on any database.
                arguments("like C:backslash%", QueryText_.body.like("C:\\%"), List.of("C:\\dir")),
                // Trailing spaces count on every database (MariaDB's default PAD collations would ignore them).
                arguments("eq x", QueryText_.body.eq("x"), List.of("x")),
                arguments("eq x-space", QueryText_.body.eq("x "), List.of("x ")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("literalMatches")
    void matchesExactlyTheExpectedBodies(String description, Condition<QueryText> condition, List<String> expected) {
        List<String> bodies = ferro.query(QueryText.class).where(condition).all().stream().map(t -> t.body).sorted().toList();

        assertEquals(expected, bodies);
    }

    @org.junit.jupiter.api.Test
    void ignoringCaseFoldsEveryLetterOfUnicode() {
        ferro.query(QueryText.class).createAll(Stream.of("Émile", "ÉMILE", "émile", "emile", "ЖУК", "жук", "Жучок", "ΣΟΦΙΑ",
                "σοφια", "Straße", "50% OFF", "A_B").map(QueryText::new).toList());

        assertEquals(List.of("Émile", "ÉMILE", "émile"), bodies(QueryText_.body.eqIgnoreCase("éMiLe")));
        assertEquals(List.of("ЖУК", "жук", "Жучок"), bodies(QueryText_.body.startsWithIgnoreCase("жу")));
        assertEquals(List.of("ΣΟΦΙΑ", "σοφια"), bodies(QueryText_.body.containsIgnoreCase("οφι")));
        assertEquals(List.of("Straße"), bodies(QueryText_.body.containsIgnoreCase("STRAßE")));
        assertEquals(List.of(), bodies(QueryText_.body.eqIgnoreCase("STRASSE")));
        // The argument stays literal: % and _ match themselves.
        assertEquals(List.of("50% off", "50% OFF"), bodies(QueryText_.body.containsIgnoreCase("0% o")));
        assertEquals(List.of("a_b", "A_B"), bodies(QueryText_.body.eqIgnoreCase("a_b")));
        assertEquals(List.of("Жучок"), bodies(Condition.not(QueryText_.body.containsIgnoreCase("ж").not()).and(
                QueryText_.body.containsIgnoreCase("ЧОК"))));
    }

    private List<String> bodies(Condition<QueryText> condition) {
        return ferro.query(QueryText.class).where(condition).orderBy(QueryText_.id.asc()).select(QueryText_.body).list();
    }
}
