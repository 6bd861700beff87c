package dev.ferro.impl.safety;

import dev.ferro.Query;
import dev.ferro.impl.testing.DatabaseTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Table and column names that are keywords or hold quotes work, because Ferro quotes every identifier. */
class QuotedIdentifierTest extends DatabaseTest {
    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {InjectionSentinel.class, HostileNames.class};
    }

    @Test
    void hostileIdentifiersAreQuotedInEveryStatement() {
        ferro.query(InjectionSentinel.class).create(new InjectionSentinel("keep me"));
        Query<HostileNames> rows = ferro.query(HostileNames.class);
        HostileNames first = rows.create(new HostileNames("a", "x", 2));
        rows.create(new HostileNames("b", "y", 1));

        assertEquals(List.of("b", "a"), rows.orderBy(HostileNames_.order.asc()).all().stream().map(r -> r.select).toList());
        assertEquals("x", rows.where(HostileNames_.from.eq("x").and(HostileNames_.select.startsWith("a"))).one().from);
        assertEquals(1, rows.where(HostileNames_.order.gt(1)).update(HostileNames_.from.set("z")));
        assertEquals("z", ferro.refresh(first).from);
        first.select = "c";
        ferro.save(first);
        assertEquals(List.of("b", "c"), rows.orderBy(HostileNames_.select.asc()).all().stream().map(r -> r.select).toList());
        assertEquals(1, rows.where(HostileNames_.select.eq("b")).delete());
        ferro.delete(first);

        assertEquals(0, rows.count());
        assertEquals(List.of("keep me"), ferro.query(InjectionSentinel.class).all().stream().map(s -> s.note).toList());
    }
}
