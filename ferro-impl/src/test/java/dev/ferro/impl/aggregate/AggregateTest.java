package dev.ferro.impl.aggregate;

import dev.ferro.Condition;
import dev.ferro.InvalidQueryException;
import dev.ferro.Query;
import dev.ferro.impl.testing.AlsoOn;
import dev.ferro.impl.testing.Database;
import dev.ferro.impl.testing.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static dev.ferro.Aggregate.avg;
import static dev.ferro.Aggregate.count;
import static dev.ferro.Aggregate.countDistinct;
import static dev.ferro.Aggregate.max;
import static dev.ferro.Aggregate.min;
import static dev.ferro.Aggregate.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Aggregates of a whole query ({@code sales.sum(AggSale_.units)}) and of its groups ({@code groupBy}, {@code having}),
 * on these rows:
 *
 * <pre>
 * id region units bonus amount weight views       sold
 *  1 north  3     10    12.50  1.5    100         2026-01-05
 *  2 north  5     NULL   7.25  2.5    200         2026-01-20
 *  3 south  2     4      0.10  0.25   300         2026-02-01
 *  4 south  2     NULL   0.20  0.5    400         2026-02-14
 *  5 south  8     6      0.30  1.25   5000000000  2026-03-03
 *  6 west   1     NULL   5.00  4.0    600         2026-03-30
 * </pre>
 */
@AlsoOn(Database.H2_OFFSET_FETCH)
class AggregateTest extends DatabaseTest {

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {AggSale.class};
    }

    @BeforeEach
    void insertSales() {
        sales().createAll(List.of(
                new AggSale("north", 3, 10, "12.50", 1.5, 100, LocalDate.of(2026, 1, 5)),
                new AggSale("north", 5, null, "7.25", 2.5, 200, LocalDate.of(2026, 1, 20)),
                new AggSale("south", 2, 4, "0.10", 0.25, 300, LocalDate.of(2026, 2, 1)),
                new AggSale("south", 2, null, "0.20", 0.5, 400, LocalDate.of(2026, 2, 14)),
                new AggSale("south", 8, 6, "0.30", 1.25, 5_000_000_000L, LocalDate.of(2026, 3, 3)),
                new AggSale("west", 1, null, "5.00", 4.0, 600, LocalDate.of(2026, 3, 30))));
        log.clear();
    }

    Query<AggSale> sales() {
        return ferro.query(AggSale.class);
    }

    record RegionTotals(String region, long sales, long units, BigDecimal amount) {
    }

    record RegionAverages(String region, double units, BigDecimal amount, double weight) {
    }

    record RegionCount(String region, long sales) {
    }

    record NullableBonus(String region, long bonus) {
    }

    record UnitsCount(int units, long sales) {
    }

    @Test
    void wholeNumberSumsAreLongsAndAveragesDoubles() {
        assertEquals(Optional.of(21L), sales().sum(AggSale_.units));
        assertEquals(Optional.of(3.5), sales().avg(AggSale_.units));
        assertEquals(Optional.of(5_000_001_600L), sales().sum(AggSale_.views));
        assertEquals(Optional.of(833_333_600.0), sales().avg(AggSale_.views));
        // NULLs are skipped: three bonuses, never truncated to a whole number.
        assertEquals(Optional.of(20L), sales().sum(AggSale_.bonus));
        assertEquals(Optional.of(20.0 / 3), sales().avg(AggSale_.bonus));
        assertEquals(6, log.count());
    }

    @Test
    void decimalSumsAreExactAtTheColumnsScale() {
        assertEquals(Optional.of(new BigDecimal("25.35")), sales().sum(AggSale_.amount));
        // 0.10 + 0.20 + 0.30, which a double sum would make 0.6000000000000001.
        assertEquals(Optional.of(new BigDecimal("0.60")), sales().where(AggSale_.region.eq("south")).sum(AggSale_.amount));
    }

    @Test
    void decimalAveragesAreDecimals() {
        assertEquals(0, new BigDecimal("4.225").compareTo(sales().avg(AggSale_.amount).orElseThrow()));
        assertEquals(0, new BigDecimal("0.2").compareTo(sales().where(AggSale_.region.eq("south")).avg(AggSale_.amount).orElseThrow()));
    }

    @Test
    void doubleSumsAndAveragesAreDoubles() {
        assertEquals(Optional.of(10.0), sales().sum(AggSale_.weight));
        assertEquals(Optional.of(10.0 / 6), sales().avg(AggSale_.weight));
    }

    @Test
    void minAndMaxKeepTheColumnsType() {
        assertEquals(Optional.of(LocalDate.of(2026, 1, 5)), sales().min(AggSale_.sold));
        assertEquals(Optional.of(LocalDate.of(2026, 3, 30)), sales().max(AggSale_.sold));
        assertEquals(Optional.of(new BigDecimal("0.10")), sales().min(AggSale_.amount));
        assertEquals(Optional.of(new BigDecimal("12.50")), sales().max(AggSale_.amount));
        assertEquals(Optional.of("north"), sales().min(AggSale_.region));
        assertEquals(Optional.of("west"), sales().max(AggSale_.region));
        assertEquals(Optional.of(1), sales().min(AggSale_.units));
        assertEquals(Optional.of(5_000_000_000L), sales().max(AggSale_.views));
        assertEquals(Optional.of(0.25), sales().min(AggSale_.weight));
    }

    @Test
    void countDistinctSkipsNulls() {
        assertEquals(5, sales().countDistinct(AggSale_.units));
        assertEquals(3, sales().countDistinct(AggSale_.bonus));
        assertEquals(3, sales().countDistinct(AggSale_.region));
        assertEquals(2, sales().where(AggSale_.region.eq("south")).countDistinct(AggSale_.units));
    }

    @Test
    void noRowsGiveEmptyAggregatesAndZeroCounts() {
        Query<AggSale> none = sales().where(AggSale_.units.gt(100));

        assertEquals(Optional.empty(), none.sum(AggSale_.units));
        assertEquals(Optional.empty(), none.avg(AggSale_.units));
        assertEquals(Optional.empty(), none.sum(AggSale_.amount));
        assertEquals(Optional.empty(), none.avg(AggSale_.weight));
        assertEquals(Optional.empty(), none.min(AggSale_.sold));
        assertEquals(Optional.empty(), none.max(AggSale_.region));
        assertEquals(0, none.countDistinct(AggSale_.region));
        assertEquals(List.of(0L), none.select(count()).list());
        // Rows whose values are all NULL: the sum is NULL, not 0.
        assertEquals(Optional.empty(), sales().where(AggSale_.region.eq("west")).sum(AggSale_.bonus));
    }

    @Test
    void anUngroupedQuerysAggregatesReadOneRowOfSeveral() {
        record Totals(long sales, Long units, Long bonus, BigDecimal amount) {
        }
        assertEquals(List.of(new Totals(6, 21L, 20L, new BigDecimal("25.35"))),
                sales().select(count(), sum(AggSale_.units), sum(AggSale_.bonus), sum(AggSale_.amount)).as(Totals.class).list());
        assertEquals(Optional.of(6L), sales().select(count()).first());
        assertEquals(2, log.selects());
    }

    @Test
    void aPagedQuerysAggregatesAggregateThatPage() {
        assertEquals(Optional.of(10L), sales().orderBy(AggSale_.id.asc()).limit(3).sum(AggSale_.units));
        assertEquals(Optional.of(13L), sales().orderBy(AggSale_.units.desc()).limit(2).sum(AggSale_.units));
        assertEquals(Optional.of(9L), sales().orderBy(AggSale_.id.asc()).offset(4).limit(5).sum(AggSale_.units));
        assertEquals(List.of(3L), sales().orderBy(AggSale_.id.asc()).offset(3).select(count()).list());
        assertEquals(Optional.of(new BigDecimal("19.75")), sales().orderBy(AggSale_.id.asc()).limit(2).sum(AggSale_.amount));
    }

    @Test
    void groupsReadIntoRecordsWithCountsAndSums() {
        assertEquals(List.of(
                        new RegionTotals("north", 2, 8, new BigDecimal("19.75")),
                        new RegionTotals("south", 3, 12, new BigDecimal("0.60")),
                        new RegionTotals("west", 1, 1, new BigDecimal("5.00"))),
                sales().groupBy(AggSale_.region).orderBy(AggSale_.region.asc())
                        .select(AggSale_.region, count(), sum(AggSale_.units), sum(AggSale_.amount)).as(RegionTotals.class).list());
        assertEquals(1, log.count());
    }

    @Test
    void groupsAverages() {
        List<RegionAverages> averages = sales().groupBy(AggSale_.region).orderBy(AggSale_.region.asc())
                .select(AggSale_.region, avg(AggSale_.units), avg(AggSale_.amount), avg(AggSale_.weight)).as(RegionAverages.class).list();

        assertEquals(List.of("north", "south", "west"), averages.stream().map(RegionAverages::region).toList());
        assertEquals(List.of(4.0, 4.0, 1.0), averages.stream().map(RegionAverages::units).toList());
        assertEquals(List.of(2.0, 2.0 / 3, 4.0), averages.stream().map(RegionAverages::weight).toList());
        assertEquals(0, new BigDecimal("9.875").compareTo(averages.get(0).amount()));
        assertEquals(0, new BigDecimal("0.2").compareTo(averages.get(1).amount()));
        assertEquals(0, new BigDecimal("5").compareTo(averages.get(2).amount()));
    }

    @Test
    void oneAggregatePerGroup() {
        assertEquals(List.of(300L, 5_000_000_700L, 600L),
                sales().groupBy(AggSale_.region).orderBy(AggSale_.region.asc()).select(sum(AggSale_.views)).list());
        assertEquals(List.of(LocalDate.of(2026, 1, 20), LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 30)),
                sales().groupBy(AggSale_.region).orderBy(AggSale_.region.asc()).select(max(AggSale_.sold)).list());
        assertEquals(List.of(2L, 2L, 1L),
                sales().groupBy(AggSale_.region).orderBy(AggSale_.region.asc()).select(countDistinct(AggSale_.units)).list());
    }

    @Test
    void whereFiltersRowsBeforeTheyAreGrouped() {
        assertEquals(List.of(new RegionCount("north", 1), new RegionCount("south", 1)),
                sales().where(AggSale_.bonus.isNotNull()).where(AggSale_.units.ge(3)).groupBy(AggSale_.region)
                        .orderBy(AggSale_.region.asc()).select(AggSale_.region, count()).as(RegionCount.class).list());
    }

    @Test
    void havingFiltersGroupsByAggregates() {
        assertEquals(List.of("north", "south"), regions(sales().groupBy(AggSale_.region).having(count().ge(2L))));
        assertEquals(List.of("north", "west"),
                regions(sales().groupBy(AggSale_.region).having(sum(AggSale_.amount).gt(new BigDecimal("1.00")))));
        assertEquals(List.of("south", "west"),
                regions(sales().groupBy(AggSale_.region).having(Condition.or(count().eq(1L), sum(AggSale_.units).ge(10L)))));
        assertEquals(List.of("north", "west"), regions(sales().groupBy(AggSale_.region).having(Condition.not(count().eq(3L)))));
        assertEquals(List.of("south"),
                regions(sales().groupBy(AggSale_.region).having(avg(AggSale_.units).eq(4.0)).having(min(AggSale_.weight).lt(0.5))));
        assertEquals(List.of("north"), regions(sales().groupBy(AggSale_.region).having(max(AggSale_.sold).lt(LocalDate.of(2026, 2, 1)))));
        assertEquals(List.of("north", "south"), regions(sales().groupBy(AggSale_.region).having(countDistinct(AggSale_.units).gt(1L))));
    }

    @Test
    void havingTestsGroupedColumnsToo() {
        assertEquals(List.of("north", "south"),
                regions(sales().groupBy(AggSale_.region).having(AggSale_.region.ne("west").and(count().ge(1L)))));
    }

    @Test
    void groupsSortByAggregates() {
        assertEquals(List.of("south", "north", "west"),
                sales().groupBy(AggSale_.region).orderBy(count().desc(), AggSale_.region.asc()).select(AggSale_.region).list());
        assertEquals(List.of("north", "west", "south"),
                sales().groupBy(AggSale_.region).orderBy(sum(AggSale_.amount).desc()).select(AggSale_.region).list());
    }

    @Test
    void limitAndOffsetPageTheGroups() {
        assertEquals(List.of("south", "west"),
                sales().groupBy(AggSale_.region).orderBy(AggSale_.region.asc()).offset(1).limit(2).select(AggSale_.region).list());
        // Without an order, the groups' columns order the page.
        assertEquals(List.of("north", "south"), sales().groupBy(AggSale_.region).limit(2).select(AggSale_.region).list());
        assertEquals(Optional.of("north"), sales().groupBy(AggSale_.region).select(AggSale_.region).first());
    }

    @Test
    void severalGroupingColumns() {
        record RegionUnits(String region, int units, long sales) {
        }
        assertEquals(List.of(new RegionUnits("north", 3, 1), new RegionUnits("north", 5, 1), new RegionUnits("south", 2, 2),
                        new RegionUnits("south", 8, 1), new RegionUnits("west", 1, 1)),
                sales().groupBy(AggSale_.region, AggSale_.units).orderBy(AggSale_.region.asc(), AggSale_.units.asc())
                        .select(AggSale_.region, AggSale_.units, count()).as(RegionUnits.class).list());
    }

    @Test
    void countAndExistsOfAGroupedQueryCountGroups() {
        assertEquals(3, sales().groupBy(AggSale_.region).count());
        assertEquals(2, sales().groupBy(AggSale_.region).having(count().ge(2L)).count());
        assertEquals(5, sales().groupBy(AggSale_.region, AggSale_.units).count());
        assertTrue(sales().groupBy(AggSale_.region).having(count().eq(3L)).exists());
        assertFalse(sales().groupBy(AggSale_.region).having(count().gt(3L)).exists());
        assertEquals(2, sales().groupBy(AggSale_.region).limit(2).count());
    }

    @Test
    void aGroupedQueryStreamsItsGroups() {
        try (var groups = sales().groupBy(AggSale_.region).orderBy(AggSale_.region.desc())
                .select(AggSale_.region, count()).as(RegionCount.class).stream()) {
            assertEquals(List.of(new RegionCount("west", 1), new RegionCount("south", 3), new RegionCount("north", 2)), groups.toList());
        }
    }

    @Test
    void aNullableAggregateIsRefusedForAPrimitiveNamingIt() {
        InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> sales().groupBy(AggSale_.region)
                .select(AggSale_.region, sum(AggSale_.bonus)).as(NullableBonus.class));

        assertEquals("The component bonus of " + NullableBonus.class.getName() + " cannot take sum(AggSale.bonus): the column"
                + " may be NULL, which a long cannot hold (take a Long)", e.getMessage());
        // Ungrouped, even a NOT NULL column's sum is NULL over no rows.
        assertThrows(InvalidQueryException.class, () -> sales().select(count(), sum(AggSale_.units)).as(RegionCount.class));
        assertEquals(0, log.count());
    }

    @Test
    void whatSqlRefusesIsRefusedNamingTheColumn() {
        InvalidQueryException notGrouped = assertThrows(InvalidQueryException.class,
                () -> sales().groupBy(AggSale_.region).select(AggSale_.units, count()).as(UnitsCount.class).list());
        assertEquals("select(..., AggSale.units, ...) is refused: the query is grouped by (AggSale.region), and AggSale.units is"
                + " neither grouped nor aggregated", notGrouped.getMessage());

        InvalidQueryException mixed = assertThrows(InvalidQueryException.class,
                () -> sales().select(AggSale_.region, count()).as(RegionCount.class).list());
        assertEquals("select(..., AggSale.region, ...) is refused: AggSale.region is a column beside aggregates, which needs"
                + " groupBy(AggSale.region)", mixed.getMessage());

        InvalidQueryException order = assertThrows(InvalidQueryException.class,
                () -> sales().groupBy(AggSale_.region).orderBy(AggSale_.units.asc()).select(AggSale_.region).list());
        assertEquals("orderBy(AggSale.units) is refused: the query is grouped by (AggSale.region), and AggSale.units is neither"
                + " grouped nor aggregated", order.getMessage());

        InvalidQueryException having = assertThrows(InvalidQueryException.class,
                () -> sales().groupBy(AggSale_.region).having(AggSale_.units.gt(2)).select(AggSale_.region).list());
        assertEquals("having(...) on AggSale.units is refused: the query is grouped by (AggSale.region); a condition on other"
                + " columns belongs in where(...)", having.getMessage());

        InvalidQueryException where = assertThrows(InvalidQueryException.class,
                () -> sales().where(count().gt(1L)).groupBy(AggSale_.region).select(AggSale_.region).list());
        assertEquals("where(count(*) > ...) is refused: a condition on an aggregate filters groups, in having(...) after"
                + " groupBy(...)", where.getMessage());

        InvalidQueryException ungroupedHaving = assertThrows(InvalidQueryException.class,
                () -> sales().having(count().gt(1L)).count());
        assertEquals("having(...) on a query of AggSale is refused: it filters groups, and the query has no groupBy(...)",
                ungroupedHaving.getMessage());

        InvalidQueryException ungroupedOrder = assertThrows(InvalidQueryException.class,
                () -> sales().orderBy(count().desc()).all());
        assertEquals("orderBy(count(*)) on a query of AggSale is refused: an aggregate sorts groups, and the query has no"
                + " groupBy(...)", ungroupedOrder.getMessage());
        assertEquals(0, log.count());
    }

    @Test
    void aGroupedQueryHasNoModelsToRead() {
        Query<AggSale> grouped = sales().groupBy(AggSale_.region);

        InvalidQueryException all = assertThrows(InvalidQueryException.class, grouped::all);
        assertEquals("all() on a query of AggSale grouped by [AggSale.region] is refused: its rows are groups, read with"
                + " select(...), count() or exists()", all.getMessage());
        assertThrows(InvalidQueryException.class, grouped::first);
        assertThrows(InvalidQueryException.class, grouped::stream);
        assertThrows(InvalidQueryException.class, () -> grouped.get(1L));
        assertThrows(InvalidQueryException.class, grouped::delete);
        assertThrows(InvalidQueryException.class, () -> grouped.update(AggSale_.units.set(0)));
        InvalidQueryException sum = assertThrows(InvalidQueryException.class, () -> grouped.sum(AggSale_.units));
        assertEquals("sum(AggSale.units) of a query of AggSale grouped by [AggSale.region] is refused: it has a value per group,"
                + " read with select(...)", sum.getMessage());
        assertEquals(0, log.count());
        assertEquals(6, sales().count());
    }

    @Test
    void aggregatesCannotBeLocked() {
        InvalidQueryException e = assertThrows(InvalidQueryException.class,
                () -> ferro.transaction(() -> sales().forUpdate().groupBy(AggSale_.region).select(AggSale_.region).list()));
        assertEquals("select(...) of aggregates of AggSale is refused with forUpdate(): the databases lock rows, not groups or"
                + " aggregates of them", e.getMessage());
    }

    @Test
    void havingValuesAreBoundNeverInlined() {
        String forged = "north') OR 1=1 --";
        assertEquals(List.of(), regions(sales().groupBy(AggSale_.region).having(AggSale_.region.eq(forged))));
        assertEquals(List.of(), regions(sales().groupBy(AggSale_.region).having(max(AggSale_.region).eq(forged))));
        assertTrue(log.entries().stream().noneMatch(entry -> entry.sql().contains("OR 1=1")));
    }

    @Test
    void aComparedValueMustHaveTheAggregatesType() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Condition<AggSale> wrong = ((dev.ferro.Aggregate) count()).ge(2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sales().groupBy(AggSale_.region).having(wrong).select(AggSale_.region).list());
        assertEquals("count(*) is Long, got Integer 2", e.getMessage());
    }

    private static List<String> regions(Query<AggSale> grouped) {
        return grouped.orderBy(AggSale_.region.asc()).select(AggSale_.region).list();
    }
}
