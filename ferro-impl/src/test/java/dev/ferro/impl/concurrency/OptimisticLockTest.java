package dev.ferro.impl.concurrency;

import dev.ferro.ModelNotFoundException;
import dev.ferro.OptimisticLockException;
import dev.ferro.Query;
import dev.ferro.TransientDataAccessException;
import dev.ferro.UniqueViolationException;
import dev.ferro.impl.testing.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code @Version}: inserts start at 1, a save of a fresh model adds exactly 1, and a save or delete
 * of a stale one changes nothing and throws {@link OptimisticLockException} naming model, key and version.
 */
class OptimisticLockTest extends DatabaseTest {
    private Query<CcVersioned> accounts;
    private Query<CcBoxedVersion> boxed;

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {CcVersioned.class, CcBoxedVersion.class};
    }

    @BeforeEach
    void queries() {
        accounts = ferro.query(CcVersioned.class);
        boxed = ferro.query(CcBoxedVersion.class);
    }

    /** The row as the database holds it now: outside a transaction every read is a fresh one. */
    private CcVersioned stored(long id) {
        return accounts.get(id);
    }

    @Test
    void createCreateAllAndGetOrCreateStartTheVersionAtOne() {
        CcVersioned created = accounts.create(new CcVersioned("a", 10));
        List<CcVersioned> batch = accounts.createAll(List.of(new CcVersioned("b", 20), new CcVersioned("c", 30)));
        CcVersioned got = accounts.where(CcVersioned_.name.eq("d")).getOrCreate(() -> new CcVersioned("d", 40)).model();

        assertEquals(1L, created.version);
        assertEquals(List.of(1L, 1L), batch.stream().map(a -> a.version).toList());
        assertEquals(1L, got.version);
        assertEquals(List.of(1L, 1L, 1L, 1L), accounts.orderBy(CcVersioned_.id.asc()).all().stream().map(a -> a.version).toList());
    }

    @Test
    void freshSaveWritesAndBumpsTheVersionByExactlyOne() {
        CcVersioned account = accounts.create(new CcVersioned("a", 10));
        log.clear();

        account.balance = 20;
        ferro.save(account);

        assertEquals(2L, account.version);
        assertEquals(1, log.count());
        assertTrue(log.entries().get(0).sql().matches("UPDATE .* WHERE .id. = \\? AND .version. = \\?"),
                log.entries().get(0).sql());
        CcVersioned row = stored(account.id);
        assertEquals(20L, row.balance);
        assertEquals(2L, row.version);

        account.balance = 30;
        ferro.save(account);
        assertEquals(3L, account.version);
        assertEquals(3L, stored(account.id).version);
    }

    @Test
    void staleSaveChangesNothingAndThrowsNamingModelKeyAndVersion() {
        long id = accounts.create(new CcVersioned("a", 10)).id;
        CcVersioned first = stored(id);
        CcVersioned second = stored(id);
        first.balance = 11;
        ferro.save(first);

        second.balance = 99;
        OptimisticLockException e = assertThrows(OptimisticLockException.class, () -> ferro.save(second));

        assertEquals(CcVersioned.class, e.model());
        assertEquals(id, e.key());
        assertEquals(1L, e.expectedVersion());
        assertEquals("CcVersioned " + id + " was changed by another transaction since it was read: no row has version 1"
                + " (the database holds a later one)", e.getMessage());
        assertInstanceOf(TransientDataAccessException.class, e);
        assertEquals(1L, second.version);
        CcVersioned row = stored(id);
        assertEquals(11L, row.balance);
        assertEquals(2L, row.version);
    }

    @Test
    void staleDeleteDeletesNothingAndThrows() {
        long id = accounts.create(new CcVersioned("a", 10)).id;
        CcVersioned first = stored(id);
        CcVersioned second = stored(id);
        first.balance = 11;
        ferro.save(first);

        OptimisticLockException e = assertThrows(OptimisticLockException.class, () -> ferro.delete(second));

        assertEquals(id, e.key());
        assertEquals(1L, e.expectedVersion());
        assertEquals(1L, accounts.count());
        assertEquals(2L, stored(id).version);
    }

    @Test
    void freshDeleteDeletesTheRow() {
        CcVersioned account = accounts.create(new CcVersioned("a", 10));
        account.balance = 5;
        ferro.save(account);

        ferro.delete(account);

        assertEquals(0L, accounts.count());
    }

    @Test
    void saveOfARowDeletedElsewhereThrowsSayingSo() {
        CcVersioned loaded = loadedThenDeletedElsewhere();

        loaded.balance = 1;
        OptimisticLockException e = assertThrows(OptimisticLockException.class, () -> ferro.save(loaded));

        assertEquals("CcVersioned " + loaded.id + " was deleted by another transaction since it was read: no row has"
                + " version 1 any more", e.getMessage());
        assertEquals(0L, accounts.count());
    }

    @Test
    void deleteOfARowDeletedElsewhereIsNotFound() {
        CcVersioned loaded = loadedThenDeletedElsewhere();

        assertThrows(ModelNotFoundException.class, () -> ferro.delete(loaded));
    }

    private CcVersioned loadedThenDeletedElsewhere() {
        long id = accounts.create(new CcVersioned("a", 10)).id;
        CcVersioned loaded = stored(id);
        ferro.delete(stored(id));
        return loaded;
    }

    @Test
    void staleSaveInsideATransactionLeavesTheTransactionUsable() {
        long id = accounts.create(new CcVersioned("a", 10)).id;
        CcVersioned stale = stored(id);
        CcVersioned fresh = stored(id);
        fresh.balance = 11;
        ferro.save(fresh);

        long other = ferro.transaction(() -> {
            stale.balance = 99;
            assertThrows(OptimisticLockException.class, () -> ferro.save(stale));
            return accounts.create(new CcVersioned("b", 20)).id;
        });

        assertEquals(20L, stored(other).balance);
        assertEquals(11L, stored(id).balance);
    }

    @Test
    void bulkUpdateBumpsTheVersionOfEveryRowItChangesAndOnlyThose() {
        long low = accounts.create(new CcVersioned("low", 10)).id;
        long mid = accounts.create(new CcVersioned("mid", 20)).id;
        long high = accounts.create(new CcVersioned("high", 30)).id;
        CcVersioned staleMid = stored(mid);

        long changed = accounts.where(CcVersioned_.balance.ge(20L)).update(CcVersioned_.balance.add(5L));

        assertEquals(2L, changed);
        assertEquals(List.of(1L, 2L, 2L), List.of(stored(low).version, stored(mid).version, stored(high).version));
        assertEquals(List.of(10L, 25L, 35L), List.of(stored(low).balance, stored(mid).balance, stored(high).balance));
        staleMid.balance = 0;
        assertThrows(OptimisticLockException.class, () -> ferro.save(staleMid));
    }

    @Test
    void bulkUpdateCannotSetTheVersion() {
        accounts.create(new CcVersioned("a", 10));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> accounts.where(CcVersioned_.name.eq("a")).update(CcVersioned_.version.set(7L)));

        assertEquals("Bulk update cannot set the @Version CcVersioned.version: Ferro adds 1 to it in every row the update changes",
                e.getMessage());
        assertEquals(1L, accounts.one().version);
    }

    @Test
    void applicationKeyedModelWithUnsetVersionIsInsertedAndAnExistingKeyIsRefused() {
        CcBoxedVersion a = new CcBoxedVersion("A", "first");
        ferro.save(a);
        assertEquals(1, a.version);

        CcBoxedVersion again = new CcBoxedVersion("A", "overwrite without reading");
        assertThrows(UniqueViolationException.class, () -> ferro.save(again));
        assertNull(again.version);

        CcBoxedVersion loaded = boxed.get("A");
        loaded.label = "second";
        ferro.save(loaded);
        assertEquals(2, loaded.version);
        assertEquals("second", boxed.get("A").label);
    }

    @Test
    void failedBatchInsertGivesTheModelsBackTheirVersions() {
        CcBoxedVersion fresh = new CcBoxedVersion("B", "fresh");
        CcBoxedVersion duplicate = new CcBoxedVersion("B", "duplicate");

        assertThrows(UniqueViolationException.class, () -> boxed.createAll(List.of(fresh, duplicate)));

        assertNull(fresh.version);
        assertNull(duplicate.version);
        assertEquals(0L, boxed.count());
    }
}
