package dev.ferro.impl.safety;

import dev.ferro.Query;
import dev.ferro.impl.testing.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile strings are values, never SQL: each payload is stored, found back exactly, matched
 * literally by the pattern methods and bound as one parameter in raw SQL, and afterwards every row
 * and the sentinel table are still there.
 */
public class InjectionTest extends DatabaseTest {
    /** Rows stored next to each payload; a payload that leaked into the SQL would match or delete them. */
    private static final List<String> NEIGHBOURS = List.of("alice", "admin", "bob", "abd", "1");

    public static final List<String> PAYLOADS = List.of(
            // Classic quote breaking
            "' OR '1'='1",
            "' OR '1'='1' --",
            "' OR 1=1 --",
            "' OR 1=1#",
            "' OR 1=1/*",
            "\" OR \"\"=\"",
            "\" OR 1=1 --",
            "admin'--",
            "admin' #",
            "admin'/*",
            "'/*",
            "*/",
            "/* comment */ OR 1=1",
            // Stacked statements against the tables of this test
            "'; DROP TABLE inj_user; --",
            "'; DROP TABLE inj_sentinel; --",
            "\"; DROP TABLE inj_user; --",
            "1; DELETE FROM inj_user",
            "1'; DELETE FROM inj_user WHERE '1'='1",
            "'; UPDATE inj_user SET username = 'pwned'; --",
            "'; TRUNCATE TABLE inj_sentinel; --",
            "' UNION SELECT id, note FROM inj_sentinel --",
            "' UNION ALL SELECT NULL, NULL --",
            "'||(SELECT note FROM inj_sentinel)||'",
            // Backslash escapes (MariaDB and MySQL treat \ as an escape in string literals)
            "\\' OR 1=1 --",
            "\\'; DROP TABLE inj_user; --",
            "\\\\' OR 1=1 --",
            "\\",
            "abc\\",
            "\\%",
            "\\_",
            // LIKE wildcards and Ferro's own LIKE escape character
            "%' OR '%'='",
            "%",
            "_",
            "%%",
            "a%b_c",
            "100%",
            "!",
            "!%",
            "!!_",
            // GLOB metacharacters (SQLite pattern matching)
            "*",
            "a[bc]d",
            "[!a]",
            "?*[",
            // Dollar quoting and escape-string syntax (PostgreSQL, H2)
            "$$",
            "$$; DROP TABLE inj_user; $$",
            "$tag$ x $tag$",
            "E'\\\\x27'",
            "E'\\x27'",
            // Parameter markers and placeholder syntaxes of other tools, JDBC escapes
            "?",
            "?; --",
            ":name",
            "${x}",
            "#{x}",
            "{fn user()}",
            "{d '2020-01-01'}",
            "0x27",
            "char(39)",
            // Unicode look-alike quotes and invisible characters
            "\u2018 OR \u20181\u2019=\u20191",
            "\u201c OR \u201c\u201d=\u201c",
            "\uff07 OR \uff071\uff07=\uff071",
            "\u02bc OR 1=1 --",
            "\u202e' OR 1=1 --",
            "\ufeff'",
            "e\u0301'",
            "'\u00a0OR\u00a01=1",
            "\ud83d\ude00'; --",
            // Control characters (no NUL: PostgreSQL text cannot hold it)
            "line\nbreak'; --",
            "tab\t'\r\n--",
            "\u0001\u0002\b\u000b\f\u001b\u007f'",
            "\u001a",
            // Very long strings
            "'".repeat(4000),
            "'; DROP TABLE inj_sentinel; -- ".repeat(120),
            "x_".repeat(2000),
            "\ud83d\ude00'".repeat(1000));

    static Stream<Arguments> payloads() {
        return PAYLOADS.stream().map(payload -> Arguments.argumentSet(label(payload), payload));
    }

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {InjectionUser.class, InjectionSentinel.class};
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void eqFindsExactlyThePayloadRow(String payload) {
        List<String> names = store(payload);
        InjectionUser found = users().where(InjectionUser_.username.eq(payload)).one();

        assertEquals(payload, found.username);
        assertEquals(names.indexOf(payload) + 1L, found.id);
        assertEquals(names.size() - 1, users().where(InjectionUser_.username.ne(payload)).count());
        assertEquals(List.of("bob", payload), usernames(users().where(InjectionUser_.username.in("bob", payload))));
        assertNothingElseChanged(names);
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void havingComparesThePayloadAsAValue(String payload) {
        List<String> names = store(payload);
        Query<InjectionUser> groups = users().groupBy(InjectionUser_.username);

        assertEquals(List.of(payload), groups.having(InjectionUser_.username.eq(payload)).select(InjectionUser_.username).list());
        assertEquals(List.of(payload),
                groups.having(dev.ferro.Aggregate.max(InjectionUser_.username).eq(payload)).select(InjectionUser_.username).list());
        assertEquals(names.size() - 1, groups.having(InjectionUser_.username.ne(payload)).count());
        assertEquals(List.of(1L), users().where(InjectionUser_.username.eq(payload)).select(dev.ferro.Aggregate.count()).list());
        assertNothingElseChanged(names);
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void patternMethodsTakeThePayloadLiterally(String payload) {
        List<String> names = store(payload);

        assertEquals(List.of(payload), usernames(users().where(InjectionUser_.username.startsWith(payload))));
        assertEquals(List.of(payload), usernames(users().where(InjectionUser_.username.endsWith(payload))));
        assertEquals(List.of(wrapped(payload), payload), usernames(users().where(InjectionUser_.username.contains(payload))));
        // like() takes a pattern: only % and _ are special, so the payload matches itself and what the pattern says.
        assertEquals(names.stream().filter(name -> likeMatches(payload, name)).toList(),
                usernames(users().where(InjectionUser_.username.like(payload))));
        assertNothingElseChanged(names);
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void ignoringCaseTakesThePayloadLiterally(String payload) {
        List<String> names = store(payload);

        List<String> equal = usernames(users().where(InjectionUser_.username.eqIgnoreCase(payload)));
        List<String> containing = usernames(users().where(InjectionUser_.username.containsIgnoreCase(payload)));
        List<String> starting = usernames(users().where(InjectionUser_.username.startsWithIgnoreCase(payload)));

        assertTrue(equal.contains(payload), equal.toString());
        assertTrue(containing.containsAll(List.of(wrapped(payload), payload)), containing.toString());
        assertTrue(starting.contains(payload), starting.toString());
        // Taken as a pattern, the payload's wildcards would match the decoy and the other rows.
        for (String name : names) {
            if (!name.equalsIgnoreCase(payload)) {
                assertFalse(equal.contains(name), name + " matched " + payload);
            }
        }
        assertNothingElseChanged(names);
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void rawSqlBindsThePayloadAsOneValue(String payload) {
        List<String> names = store(payload);
        long id = names.indexOf(payload) + 1L;

        List<Map<String, Object>> rows = ferro.fetchAll("SELECT id, username FROM inj_user WHERE username = ?", payload);
        assertEquals(1, rows.size());
        assertEquals(id, ((Number) rows.get(0).get("id")).longValue());
        assertEquals(payload, rows.get(0).get("username"));
        assertEquals(1, ferro.execute("UPDATE inj_user SET username = ? WHERE username = ?", payload, payload));
        assertEquals(1, users().where(InjectionUser_.username.eq(payload)).update(InjectionUser_.username.set(payload)));
        assertNothingElseChanged(names);
    }

    @Test
    void everyPayloadRoundTripsInOneBatch() {
        List<InjectionUser> batch = PAYLOADS.stream().map(InjectionUser::new).toList();
        users().createAll(batch);

        assertEquals(PAYLOADS, usernames(users()));
        assertEquals(PAYLOADS.size(), users().where(InjectionUser_.username.in(PAYLOADS)).count());
        for (InjectionUser user : batch) {
            assertEquals(user.username, users().get(user.id).username);
        }
    }

    @Test
    void likeUnderscoreMatchesExactlyOneCharacter() {
        storeAll("abc", "a_c", "ac", "abbc", "ABC");

        assertEquals(List.of("abc", "a_c"), usernames(users().where(InjectionUser_.username.like("a_c"))));
    }

    @Test
    void likePercentMatchesAnyRunOfCharacters() {
        storeAll("abc", "a_c", "ac", "abbc", "ABC", "abcd");

        assertEquals(List.of("abc", "a_c", "ac", "abbc"), usernames(users().where(InjectionUser_.username.like("a%c"))));
    }

    @Test
    void likeIsCaseSensitive() {
        storeAll("abc", "ABC", "Abc");

        assertEquals(List.of("ABC", "Abc"), usernames(users().where(InjectionUser_.username.like("A%"))));
    }

    /** like() documents % and _ as its only special characters, so a backslash is an ordinary character. */
    @Test
    void likeHasNoEscapeCharacter() {
        storeAll("a\\bc", "a_c", "abc\\", "abc", "a!c");

        assertEquals(List.of("a\\bc"), usernames(users().where(InjectionUser_.username.like("a\\_c"))));
        assertEquals(List.of("abc\\"), usernames(users().where(InjectionUser_.username.like("abc\\"))));
        assertEquals(List.of("a!c"), usernames(users().where(InjectionUser_.username.like("a!c"))));
        assertEquals(List.of("a!c"), usernames(users().where(InjectionUser_.username.like("a!_"))));
    }

    @Test
    void globMetacharactersAreLiteral() {
        storeAll("a*c", "a?c", "a[b]c", "abc", "a]c", "ab");

        assertEquals(List.of("a*c"), usernames(users().where(InjectionUser_.username.startsWith("a*"))));
        assertEquals(List.of("a?c"), usernames(users().where(InjectionUser_.username.contains("?"))));
        assertEquals(List.of("a[b]c"), usernames(users().where(InjectionUser_.username.contains("[b]"))));
        assertEquals(List.of("a[b]c", "a]c"), usernames(users().where(InjectionUser_.username.endsWith("]c"))));
        assertEquals(List.of("a*c"), usernames(users().where(InjectionUser_.username.like("a*c"))));
        assertEquals(List.of("a[b]c"), usernames(users().where(InjectionUser_.username.like("a[b]%"))));
        assertEquals(List.of("a*c", "a?c", "abc", "a]c"), usernames(users().where(InjectionUser_.username.like("a_c"))));
    }

    @Test
    void likeEscapeCharacterIsLiteralInPatternMethods() {
        storeAll("!", "!!", "a!b", "100%", "100!%", "100!x");

        assertEquals(List.of("100!%"), usernames(users().where(InjectionUser_.username.startsWith("100!%"))));
        assertEquals(List.of("100!%", "100!x"), usernames(users().where(InjectionUser_.username.startsWith("100!"))));
        assertEquals(List.of("!", "!!", "a!b", "100!%", "100!x"), usernames(users().where(InjectionUser_.username.contains("!"))));
        assertEquals(List.of("!!"), usernames(users().where(InjectionUser_.username.endsWith("!!"))));
    }

    /** Stores the neighbours, a decoy that the payload would match as a wildcard pattern, the payload wrapped, and the payload. */
    private List<String> store(String payload) {
        ferro.query(InjectionSentinel.class).create(new InjectionSentinel("keep me"));
        List<String> names = new ArrayList<>(NEIGHBOURS);
        String decoy = decoy(payload);
        if (!decoy.equals(payload)) {
            names.add(decoy);
        }
        names.add(wrapped(payload));
        names.add(payload);
        storeAll(names.toArray(String[]::new));
        return names;
    }

    private void storeAll(String... names) {
        for (String name : names) {
            users().create(new InjectionUser(name));
        }
    }

    private void assertNothingElseChanged(List<String> names) {
        assertEquals(names.size(), users().count());
        assertEquals(names, usernames(users()));
        assertEquals(List.of("keep me"), ferro.query(InjectionSentinel.class).all().stream().map(s -> s.note).toList());
    }

    private Query<InjectionUser> users() {
        return ferro.query(InjectionUser.class);
    }

    private static List<String> usernames(Query<InjectionUser> query) {
        return query.orderBy(InjectionUser_.id.asc()).all().stream().map(user -> user.username).toList();
    }

    private static String wrapped(String payload) {
        return "pre" + payload + "post";
    }

    /** The payload with every wildcard (LIKE or GLOB) replaced by a character it would match. */
    private static String decoy(String payload) {
        return payload.replaceAll("[%_*?]", "X");
    }

    /** LIKE as documented: % any run of characters, _ exactly one, everything else literal and case-sensitive. */
    private static boolean likeMatches(String pattern, String value) {
        StringBuilder regex = new StringBuilder();
        pattern.codePoints().forEach(c -> regex.append(
                c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(new String(Character.toChars(c)))));
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(value).matches();
    }

    private static String label(String payload) {
        StringBuilder label = new StringBuilder();
        payload.codePoints().limit(40).forEach(c -> {
            if (c < 0x20 || c == 0x7f || (c >= 0x200b && c <= 0x202e) || c == 0xfeff) {
                label.append(String.format("\\u%04x", c));
            } else {
                label.appendCodePoint(c);
            }
        });
        return payload.length() > 40 ? label + "... (" + payload.length() + " chars)" : label.toString();
    }
}
