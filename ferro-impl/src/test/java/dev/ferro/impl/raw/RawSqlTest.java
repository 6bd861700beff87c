package dev.ferro.impl.raw;

import dev.ferro.DataAccessException;
import dev.ferro.Query;
import dev.ferro.UniqueViolationException;
import dev.ferro.impl.testing.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RawSqlTest extends DatabaseTest {
    private static final UUID TOKEN = UUID.fromString("3f2b8c1e-9d4a-4e7b-8c6f-1a2b3c4d5e6f");
    private static final LocalDate RELEASED = LocalDate.of(2024, 2, 29);
    private static final BigDecimal PRICE = new BigDecimal("1234.50");
    private static final LocalDateTime UPDATED_AT = LocalDateTime.of(2024, 3, 1, 12, 30, 45, 123_456_000);
    private static final String INSERT_ALL = "INSERT INTO raw_item"
            + " (name, quantity, stock, active, unit_price, released, token, updated_at, status)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private Query<RawItem> items;

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {RawItem.class};
    }

    @BeforeEach
    void queries() {
        items = ferro.query(RawItem.class);
    }

    private void insertThree() {
        items.create(new RawItem("apple", 5));
        items.create(new RawItem("pear", 7));
        items.create(new RawItem("plum", 9));
        log.clear();
    }

    // ---------------------------------------------------------------- execute

    @Test
    void executeReturnsTheUpdateCount() {
        assertEquals(1, ferro.execute("INSERT INTO raw_item (name, quantity) VALUES (?, ?)", "apple", 5));
        assertEquals(1, ferro.execute("INSERT INTO raw_item (name, quantity) VALUES (?, ?)", "pear", 7));
        assertEquals(1, ferro.execute("INSERT INTO raw_item (name, quantity) VALUES (?, ?)", "plum", 9));

        assertEquals(2, ferro.execute("UPDATE raw_item SET quantity = quantity + 1 WHERE quantity > ?", 6));
        assertEquals(0, ferro.execute("UPDATE raw_item SET quantity = 0 WHERE name = ?", "missing"));
        assertEquals(3, ferro.execute("DELETE FROM raw_item"));
        assertEquals(0, items.count());
    }

    @Test
    void executeIsLoggedOnceWithItsSql() {
        ferro.execute("INSERT INTO raw_item (name, quantity) VALUES (?, ?)", "apple", 5);

        assertEquals(1, log.count());
        assertEquals("INSERT INTO raw_item (name, quantity) VALUES (?, ?)", log.entries().get(0).sql());
    }

    @Test
    void executeBindsEveryCommonTypeAsTheOrmReadsIt() {
        ferro.execute(INSERT_ALL, "apple", 5, 9_000_000_000L, true, PRICE, RELEASED, TOKEN, UPDATED_AT, RawStatus.ACTIVE);

        RawItem item = items.where(RawItem_.name.eq("apple")).one();
        assertEquals(5, item.quantity);
        assertEquals(9_000_000_000L, item.stock);
        assertEquals(true, item.active);
        assertEquals(PRICE, item.unitPrice);
        assertEquals(RELEASED, item.released);
        assertEquals(TOKEN, item.token);
        assertEquals(UPDATED_AT, item.updatedAt);
        assertEquals(RawStatus.ACTIVE, item.status);
    }

    @Test
    void executeBindsAnEnumConstantWithABodyByName() {
        ferro.execute("INSERT INTO raw_item (name, status) VALUES (?, ?)", "old", RawStatus.RETIRED);

        assertEquals(RawStatus.RETIRED, items.where(RawItem_.name.eq("old")).one().status);
        assertEquals(List.of(Map.of("name", "old")),
                ferro.fetchAll("SELECT name FROM raw_item WHERE status = ?", RawStatus.RETIRED));
    }

    @Test
    void executeBindsNullArguments() {
        ferro.execute(INSERT_ALL, "empty", null, null, null, null, null, null, null, null);

        RawItem item = items.where(RawItem_.name.eq("empty")).one();
        assertNull(item.quantity);
        assertNull(item.stock);
        assertNull(item.active);
        assertNull(item.unitPrice);
        assertNull(item.released);
        assertNull(item.token);
        assertNull(item.updatedAt);
        assertNull(item.status);
    }

    static Stream<Arguments> typedColumns() {
        return Stream.of(
                Arguments.of("name", "apple"),
                Arguments.of("quantity", 5),
                Arguments.of("stock", 9_000_000_000L),
                Arguments.of("active", false),
                Arguments.of("unit_price", PRICE),
                Arguments.of("released", RELEASED),
                Arguments.of("token", TOKEN),
                Arguments.of("updated_at", UPDATED_AT),
                Arguments.of("status", RawStatus.ACTIVE));
    }

    /** A value written by the ORM is found by raw SQL bound with a value of the same Java type. */
    @ParameterizedTest
    @MethodSource("typedColumns")
    void fetchAllBindsEachCommonTypeInAWhereClause(String column, Object value) {
        RawItem apple = new RawItem("apple", 5);
        apple.stock = 9_000_000_000L;
        apple.active = false;
        apple.unitPrice = PRICE;
        apple.released = RELEASED;
        apple.token = TOKEN;
        apple.updatedAt = UPDATED_AT;
        apple.status = RawStatus.ACTIVE;
        items.create(apple);
        RawItem other = new RawItem("pear", 7);
        other.stock = 1L;
        other.active = true;
        other.unitPrice = BigDecimal.ONE;
        other.released = RELEASED.plusDays(1);
        other.token = UUID.fromString("00000000-0000-0000-0000-000000000001");
        other.updatedAt = UPDATED_AT.plusSeconds(1);
        other.status = RawStatus.RETIRED;
        items.create(other);

        List<Map<String, Object>> rows = ferro.fetchAll("SELECT name FROM raw_item WHERE " + column + " = ?", value);

        assertEquals(List.of(Map.of("name", "apple")), rows);
    }

    // ---------------------------------------------------------------- fetchAll and fetchOne

    @Test
    void fetchAllReturnsOneMapPerRowKeyedByLowerCaseLabelsInColumnOrder() {
        insertThree();

        List<Map<String, Object>> rows = ferro.fetchAll(
                "SELECT name AS Fruit, id FROM raw_item WHERE quantity > ? ORDER BY quantity DESC", 6);

        assertEquals(2, rows.size());
        assertEquals(List.of("fruit", "id"), new ArrayList<>(rows.get(0).keySet()));
        assertEquals(List.of("plum", "pear"), rows.stream().map(row -> row.get("fruit")).toList());
        assertEquals(List.of(3L, 2L), rows.stream().map(row -> row.get("id")).toList());
        assertEquals(1, log.count());
    }

    @Test
    void integersOfBigintColumnsAndCountsAreLongsOnEveryDatabase() {
        insertThree();

        Map<String, Object> row = ferro.fetchOne("SELECT COUNT(*) AS n, MAX(id) AS top, MIN(stock) AS least FROM raw_item").orElseThrow();

        assertEquals(Long.class, row.get("n").getClass());
        assertEquals(Map.of("n", 3L, "top", 3L), Map.of("n", row.get("n"), "top", row.get("top")));
        assertEquals(null, row.get("least"));
    }

    @Test
    void twoColumnsOfOneLabelAreRefusedNamingIt() {
        insertThree();

        dev.ferro.InvalidQueryException e = assertThrows(dev.ferro.InvalidQueryException.class,
                () -> ferro.fetchAll("SELECT a.id, b.ID FROM raw_item a JOIN raw_item b ON a.id = b.id"));

        assertEquals("The SQL's result has two columns labelled 'id' (labels are case-insensitive), and a row's map keeps"
                + " one value a label: name them apart with AS", e.getMessage());
        dev.ferro.InvalidQueryException streamed = assertThrows(dev.ferro.InvalidQueryException.class,
                () -> ferro.stream("SELECT name, NAME FROM raw_item"));
        assertTrue(streamed.getMessage().startsWith("The SQL's result has two columns labelled 'name'"), streamed.getMessage());
        assertEquals(3, items.count(), "the stream gave its connection back");
    }

    @Test
    void fetchAllReturnsDatesAndTimestampsAsJavaTime() {
        RawItem item = new RawItem("dated", 1);
        item.released = LocalDate.of(2024, 2, 29);
        item.updatedAt = LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123_456_000);
        items.create(item);

        Map<String, Object> row = ferro.fetchOne("SELECT released, updated_at FROM raw_item").orElseThrow();

        if (database == dev.ferro.impl.testing.Database.SQLITE) {
            // SQLite has no date types: Ferro stores ISO-8601 text, and raw SQL sees that text.
            assertEquals(Map.of("released", "2024-02-29", "updated_at", "2024-02-29 13:45:30.123456"), row);
        } else {
            assertEquals(Map.of("released", LocalDate.of(2024, 2, 29),
                    "updated_at", LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123_456_000)), row);
        }
    }

    @Test
    void fetchAllOfNoRowsIsAnEmptyList() {
        assertEquals(List.of(), ferro.fetchAll("SELECT name FROM raw_item"));
    }

    @Test
    void fetchOneReturnsTheFirstRow() {
        insertThree();

        Optional<Map<String, Object>> row = ferro.fetchOne("SELECT name FROM raw_item ORDER BY name DESC");

        assertEquals(Optional.of(Map.of("name", "plum")), row);
    }

    @Test
    void fetchOneIsEmptyWhenNoRowMatches() {
        insertThree();

        assertEquals(Optional.empty(), ferro.fetchOne("SELECT name FROM raw_item WHERE quantity > ?", 100));
    }

    @Test
    void unquotedLowerCaseTableAndColumnNamesWorkOnEveryDatabase() {
        RawItem apple = new RawItem("apple", 5);
        apple.unitPrice = PRICE;
        items.create(apple);

        assertEquals(1, ferro.execute("UPDATE raw_item SET unit_price = unit_price * 2 WHERE name = ?", "apple"));
        List<Map<String, Object>> rows = ferro.fetchAll("SELECT raw_item.name FROM raw_item WHERE raw_item.id = ?", 1L);

        assertEquals(List.of(Map.of("name", "apple")), rows);
        assertEquals(new BigDecimal("2469.00"), items.get(1L).unitPrice);
    }

    // ---------------------------------------------------------------- transactions

    @Test
    void rawSqlJoinsTheCurrentTransactionAndRollsBackWithIt() {
        IllegalStateException failure = new IllegalStateException("roll back");

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> ferro.transaction(() -> {
            items.create(new RawItem("orm", 1));
            assertEquals(List.of(Map.of("name", "orm")), ferro.fetchAll("SELECT name FROM raw_item"));
            ferro.execute("INSERT INTO raw_item (name, quantity) VALUES (?, ?)", "raw", 2);
            assertEquals(List.of("orm", "raw"), items.orderBy(RawItem_.id.asc()).all().stream().map(i -> i.name).toList());
            throw failure;
        }));

        assertSame(failure, thrown);
        assertEquals(List.of(), ferro.fetchAll("SELECT name FROM raw_item"));
    }

    @Test
    void rawSqlInATransactionCommitsWithIt() {
        ferro.transaction(() -> {
            ferro.execute("INSERT INTO raw_item (name, quantity) VALUES (?, ?)", "raw", 2);
            assertTrue(ferro.fetchOne("SELECT id FROM raw_item WHERE name = ?", "raw").isPresent());
        });

        assertEquals("raw", items.get(1L).name);
    }

    // ---------------------------------------------------------------- errors

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\n\t"})
    void emptyOrBlankSqlIsRefusedBeforeTheDatabase(String sql) {
        List<Executable> calls = List.of(
                () -> ferro.execute(sql),
                () -> ferro.fetchAll(sql),
                () -> ferro.fetchOne(sql));
        for (Executable call : calls) {
            IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, call);
            assertTrue(thrown.getMessage().contains("non-empty"), thrown.getMessage());
        }
        assertEquals(0, log.count());
    }

    @Test
    void syntaxErrorOfExecuteNamesTheSqlAndCarriesTheSqlState() {
        String sql = "UPDATE raw_item SETT quantity = 1";

        DataAccessException thrown = assertThrows(DataAccessException.class, () -> ferro.execute(sql));

        assertTrue(thrown.getMessage().contains("[" + sql + "]"), thrown.getMessage());
        assertEquals(expectedSyntaxErrorState(), thrown.sqlState());
    }

    @Test
    void syntaxErrorOfFetchAllNamesTheSqlAndCarriesTheSqlState() {
        String sql = "SELECT name FROM raw_item WHERE";

        DataAccessException thrown = assertThrows(DataAccessException.class, () -> ferro.fetchAll(sql));

        assertTrue(thrown.getMessage().contains("[" + sql + "]"), thrown.getMessage());
        assertEquals(expectedSyntaxErrorState(), thrown.sqlState());
    }

    /** The SQLState each driver reports for a syntax error; on SQLite, whose driver reports none, Ferro's. */
    private String expectedSyntaxErrorState() {
        return switch (database) {
            case H2, H2_OFFSET_FETCH -> "42001";
            case POSTGRESQL -> "42601";
            case MARIADB -> "42000";
            case SQLITE -> "42000";
        };
    }

    @Test
    void aMissingTableAndAUniqueViolationCarryTheirSqlStatesOnEveryDatabase() {
        ferro.execute("INSERT INTO raw_item (id, name, quantity) VALUES (?, ?, ?)", 1, "apple", 1);

        DataAccessException missing = assertThrows(DataAccessException.class, () -> ferro.fetchAll("SELECT * FROM raw_nothing"));
        dev.ferro.UniqueViolationException duplicate = assertThrows(dev.ferro.UniqueViolationException.class,
                () -> ferro.execute("INSERT INTO raw_item (id, name, quantity) VALUES (?, ?, ?)", 1, "pear", 2));

        assertEquals(switch (database) {
            case H2, H2_OFFSET_FETCH -> "42S02";
            case POSTGRESQL -> "42P01";
            case MARIADB -> "42S02";
            case SQLITE -> "42S02";
        }, missing.sqlState());
        assertEquals(database == dev.ferro.impl.testing.Database.MARIADB ? "23000" : "23505",
                ((java.sql.SQLException) duplicate.getCause()).getSQLState());
    }

    @Test
    void uniqueViolationThroughRawSqlIsAUniqueViolationException() {
        String sql = "INSERT INTO raw_item (name, quantity) VALUES (?, ?)";
        ferro.execute(sql, "apple", 1);

        UniqueViolationException thrown = assertThrows(UniqueViolationException.class, () -> ferro.execute(sql, "apple", 2));

        assertNull(thrown.model());
        assertTrue(thrown.getMessage().contains("[" + sql + "]"), thrown.getMessage());
        assertEquals(List.of(1), ferro.fetchAll("SELECT quantity FROM raw_item").stream()
                .map(row -> ((Number) row.get("quantity")).intValue()).toList());
    }
}
