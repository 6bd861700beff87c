package dev.ferro.impl.page;

import dev.ferro.InvalidQueryException;
import dev.ferro.Page;
import dev.ferro.Query;
import dev.ferro.impl.safety.InjectionTest;
import dev.ferro.impl.testing.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keyset pages over 1,000 rows whose scores tie in sevens of groups (score = i % 7) and whose names repeat: forward
 * and backward, every row exactly once and in the query's order.
 */
class CursorPageTest extends DatabaseTest {
    private static final int ROWS = 1_000;
    private List<PageItem> rows;

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {PageItem.class};
    }

    @BeforeEach
    void insertRows() {
        rows = items().createAll(IntStream.range(0, ROWS).mapToObj(i -> new PageItem(i % 7, "n" + (i * 37 % 100))).toList());
        log.clear();
    }

    Query<PageItem> items() {
        return ferro.query(PageItem.class);
    }

    private List<Long> expected(Comparator<PageItem> order) {
        return rows.stream().sorted(order.thenComparing(item -> item.id)).map(item -> item.id).toList();
    }

    private static List<Long> ids(Page<PageItem> page) {
        return page.items().stream().map(item -> item.id).toList();
    }

    /** Every page from the first on, following nextCursor. */
    private List<Page<PageItem>> forward(Query<PageItem> ordered, int size) {
        List<Page<PageItem>> pages = new ArrayList<>();
        Page<PageItem> page = ordered.page(size);
        pages.add(page);
        while (page.hasNext()) {
            page = ordered.after(page.nextCursor()).page(size);
            pages.add(page);
        }
        return pages;
    }

    @Test
    void forwardPagesGiveEveryRowOnceInOrder() {
        Query<PageItem> byScore = items().orderBy(PageItem_.score.desc());

        List<Page<PageItem>> pages = forward(byScore, 37);

        assertEquals(expected(Comparator.comparingInt((PageItem item) -> item.score).reversed()),
                pages.stream().flatMap(page -> ids(page).stream()).toList());
        assertEquals(28, pages.size());
        assertEquals(28, log.count(), "one statement a page");
        assertFalse(pages.get(0).hasPrevious());
        assertNull(pages.get(0).previousCursor());
        assertTrue(pages.get(1).hasPrevious());
        assertEquals(1, pages.get(27).items().size());
        assertFalse(pages.get(27).hasNext());
        assertNull(pages.get(27).nextCursor());
    }

    @Test
    void backwardPagesGiveEveryRowOnceInOrder() {
        Query<PageItem> byNameThenScore = items().orderBy(PageItem_.name.asc(), PageItem_.score.desc());
        List<Page<PageItem>> pages = forward(byNameThenScore, 40);
        Page<PageItem> last = pages.get(pages.size() - 1);
        assertEquals(25, pages.size(), "1,000 rows in pages of 40, the last one full");
        assertFalse(last.hasNext());

        List<Long> collected = new ArrayList<>(ids(last));
        Page<PageItem> page = last;
        int statements = 0;
        while (page.hasPrevious()) {
            page = byNameThenScore.before(page.previousCursor()).page(40);
            collected.addAll(0, ids(page));
            statements++;
            assertTrue(page.hasNext());
        }

        assertEquals(expected(Comparator.comparing((PageItem item) -> item.name).thenComparing(item -> -item.score)), collected);
        assertEquals(24, statements);
        assertEquals(ids(pages.get(0)), ids(page));
        assertFalse(page.hasPrevious());
    }

    @Test
    void aPageFiltersAndCanStartOverFromItsCursor() {
        Query<PageItem> threes = items().where(PageItem_.score.eq(3)).orderBy(PageItem_.name.desc());
        Page<PageItem> first = threes.page(10);
        Page<PageItem> second = threes.after(first.nextCursor()).page(10);
        Page<PageItem> back = threes.before(second.previousCursor()).page(10);

        assertEquals(ids(first), ids(back));
        assertEquals(List.of(), second.items().stream().filter(item -> item.score != 3).toList());
        assertEquals(143, forward(threes, 10).stream().mapToLong(page -> page.items().size()).sum());
    }

    @Test
    void rowsDeletedBeforeThePageNeitherShiftNorRepeatIt() {
        Query<PageItem> byId = items().orderBy(PageItem_.id.asc());
        Page<PageItem> first = byId.page(10);
        items().where(PageItem_.id.in(ids(first).subList(0, 5))).delete();

        Page<PageItem> second = byId.after(first.nextCursor()).page(10);

        assertEquals(rows.subList(10, 20).stream().map(item -> item.id).toList(), ids(second));
    }

    @Test
    void aForgedCursorIsRefusedNamingTheOrdering() {
        Query<PageItem> byScore = items().orderBy(PageItem_.score.desc());
        String real = byScore.page(5).nextCursor();

        InvalidQueryException garbage = assertThrows(InvalidQueryException.class, () -> byScore.after("not a cursor!"));
        assertTrue(garbage.getMessage().startsWith("The cursor is not one of a page of PageItem ordered by (score DESC,id ASC): "),
                garbage.getMessage());
        InvalidQueryException other = assertThrows(InvalidQueryException.class,
                () -> items().orderBy(PageItem_.name.asc()).after(real));
        assertEquals("The cursor is not one of a page of PageItem ordered by (name ASC,id ASC): it was made for"
                + " (PageItem,score DESC,id ASC)", other.getMessage());
        String edited = encode("1\nPageItem,score DESC,id ASC\n3:abc1:5");
        assertThrows(InvalidQueryException.class, () -> byScore.after(edited));
        String longer = encode("1\nPageItem,score DESC,id ASC\n1:31:51:6");
        assertThrows(InvalidQueryException.class, () -> byScore.after(longer));
        assertEquals(1, log.count());
    }

    @Test
    void aCursorsValuesAreBoundNeverSql() {
        Query<PageItem> byName = items().orderBy(PageItem_.name.asc());
        for (String payload : InjectionTest.PAYLOADS) {
            String cursor = encode("1\nPageItem,name ASC,id ASC\n" + payload.length() + ":" + payload + "1:0");
            Page<PageItem> page = byName.after(cursor).page(3);
            List<PageItem> expected = rows.stream().filter(item -> item.name.compareTo(payload) > 0)
                    .sorted(Comparator.comparing((PageItem item) -> item.name).thenComparing(item -> item.id)).limit(3).toList();
            assertEquals(expected.size(), page.items().size(), payload);
        }
        assertEquals(ROWS, items().count());
    }

    @Test
    void aNullableKeysNullsSortLastOrFirstAndEveryRowComesOnce() {
        // Every third row has no date; the others share 10 dates.
        items().where(PageItem_.id.in(rows.stream().map(item -> item.id).filter(id -> id % 3 != 0).toList()))
                .update(PageItem_.due.set(java.time.LocalDate.of(2026, 1, 1)));
        for (int day = 1; day < 10; day++) {
            items().where(PageItem_.due.isNotNull()).where(PageItem_.score.eq(day % 7))
                    .update(PageItem_.due.set(java.time.LocalDate.of(2026, 1, 1 + day)));
        }
        List<PageItem> stored = items().all();
        Comparator<PageItem> byDue = Comparator.comparing((PageItem item) -> item.due, Comparator.nullsLast(Comparator.naturalOrder()));
        List<Long> last = stored.stream().sorted(byDue.thenComparing(item -> item.id)).map(item -> item.id).toList();
        Comparator<PageItem> byDueDescNullsFirst = Comparator.comparing((PageItem item) -> item.due,
                Comparator.nullsFirst(Comparator.<java.time.LocalDate>reverseOrder()));
        List<Long> first = stored.stream().sorted(byDueDescNullsFirst.thenComparing(item -> item.id)).map(item -> item.id).toList();

        assertEquals(last, forward(items().orderBy(PageItem_.due.asc()), 45).stream().flatMap(page -> ids(page).stream()).toList());
        assertEquals(first, forward(items().orderBy(PageItem_.due.desc().nullsFirst()), 45).stream()
                .flatMap(page -> ids(page).stream()).toList());
        Query<PageItem> byDueDesc = items().orderBy(PageItem_.due.desc());
        List<Page<PageItem>> pages = forward(byDueDesc, 45);
        List<Long> backward = new ArrayList<>(ids(pages.get(pages.size() - 1)));
        Page<PageItem> page = pages.get(pages.size() - 1);
        while (page.hasPrevious()) {
            page = byDueDesc.before(page.previousCursor()).page(45);
            backward.addAll(0, ids(page));
        }
        assertEquals(pages.stream().flatMap(p -> ids(p).stream()).toList(), backward);
        assertEquals(ROWS, backward.size());
    }

    @Test
    void whatAPageCannotContinueAfterIsRefused() {
        assertThrows(InvalidQueryException.class, () -> items().orderBy(PageItem_.id.asc()).limit(3).page(5));
        assertThrows(IllegalArgumentException.class, () -> items().page(0));
        assertEquals(0, log.count());
        assertEquals(rows.subList(0, 3).stream().map(item -> item.id).toList(), ids(items().page(3)));
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
