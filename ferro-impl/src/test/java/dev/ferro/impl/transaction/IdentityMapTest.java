package dev.ferro.impl.transaction;

import dev.ferro.Query;
import dev.ferro.impl.testing.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IdentityMapTest extends DatabaseTest {
    private Query<TxAccount> accounts;
    private Query<TxNote> notes;

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {TxAccount.class, TxNote.class};
    }

    @BeforeEach
    void rows() {
        accounts = ferro.query(TxAccount.class);
        notes = ferro.query(TxNote.class);
        accounts.create(new TxAccount("alice", 10));
        accounts.create(new TxAccount("bob", 20));
        notes.create(new TxNote("hello"));
        log.clear();
    }

    @Test
    void getTwiceInATransactionReturnsTheSameInstanceWithOneSelect() {
        ferro.transaction(() -> {
            TxAccount first = accounts.get(1L);
            TxAccount second = accounts.get(1L);
            assertSame(first, second);
            assertSame(first, accounts.get(1));
            assertEquals(Optional.of(first), accounts.find(1L));
        });

        assertEquals(1, log.count());
    }

    @Test
    void allAndWhereReturnTheInstancesThatGetReturned() {
        ferro.transaction(() -> {
            TxAccount alice = accounts.get(1L);
            TxAccount bob = accounts.get(2L);
            List<TxAccount> all = accounts.orderBy(TxAccount_.id.asc()).all();
            assertSame(alice, all.get(0));
            assertSame(bob, all.get(1));
            assertSame(bob, accounts.where(TxAccount_.name.eq("bob")).one());
            assertSame(alice, accounts.where(TxAccount_.balance.lt(15)).first().orElseThrow());
        });
    }

    @Test
    void queryAgainKeepsTheLocalUnsavedChangesOfTheCachedInstance() {
        ferro.transaction(() -> {
            TxAccount alice = accounts.get(1L);
            alice.balance = 999;
            log.clear();

            List<TxAccount> rich = accounts.where(TxAccount_.balance.le(10)).all();

            assertEquals(1, log.selects());
            assertEquals(1, rich.size());
            assertSame(alice, rich.get(0));
            assertEquals(999, rich.get(0).balance);
        });
        assertEquals(10, accounts.get(1L).balance);
    }

    @Test
    void outsideATransactionEachGetReturnsANewInstance() {
        TxAccount first = accounts.get(1L);
        TxAccount second = accounts.get(1L);

        assertNotSame(first, second);
        assertEquals(2, log.selects());
    }

    @Test
    void eachTransactionHasItsOwnMap() {
        TxAccount inFirst = ferro.transaction(() -> accounts.get(1L));
        TxAccount inSecond = ferro.transaction(() -> accounts.get(1L));

        assertNotSame(inFirst, inSecond);
        assertEquals(2, log.selects());
    }

    @Test
    void createRegistersTheInstanceSoGetRunsNoSelect() {
        ferro.transaction(() -> {
            TxAccount carol = accounts.create(new TxAccount("carol", 30));
            log.clear();

            assertSame(carol, accounts.get(3L));
            assertEquals(0, log.count());
        });
    }

    @Test
    void saveOfANewModelRegistersTheInstance() {
        ferro.transaction(() -> {
            TxAccount carol = ferro.save(new TxAccount("carol", 30));
            log.clear();

            assertSame(carol, accounts.get(3L));
            assertEquals(0, log.count());
        });
    }

    @Test
    void saveOfAModelWithAKeyRegistersThatInstanceForItsKey() {
        ferro.transaction(() -> {
            TxAccount detached = new TxAccount("alice-renamed", 11);
            detached.id = 1L;
            ferro.save(detached);
            log.clear();

            assertSame(detached, accounts.get(1L));
            assertEquals(0, log.count());
        });
        assertEquals("alice-renamed", accounts.get(1L).name);
    }

    @Test
    void createAllRegistersEveryInstance() {
        ferro.transaction(() -> {
            List<TxAccount> created = accounts.createAll(List.of(new TxAccount("carol", 30), new TxAccount("dave", 40)));
            log.clear();

            assertSame(created.get(0), accounts.get(3L));
            assertSame(created.get(1), accounts.get(4L));
            assertEquals(0, log.count());
        });
    }

    @Test
    void bulkUpdateEvictsThatModelOnly() {
        ferro.transaction(() -> {
            TxAccount stale = accounts.get(1L);
            TxNote note = notes.get(1L);

            assertEquals(2, accounts.where(TxAccount_.balance.lt(100)).update(TxAccount_.balance.set(5)));
            log.clear();

            TxAccount fresh = accounts.get(1L);
            assertEquals(1, log.selects());
            assertNotSame(stale, fresh);
            assertEquals(5, fresh.balance);
            assertEquals(10, stale.balance);

            assertSame(note, notes.get(1L));
            assertEquals(1, log.count());
        });
    }

    @Test
    void bulkDeleteEvictsThatModelOnly() {
        ferro.transaction(() -> {
            TxAccount stale = accounts.get(1L);
            TxAccount deleted = accounts.get(2L);
            TxNote note = notes.get(1L);

            assertEquals(1, accounts.where(TxAccount_.name.eq("bob")).delete());
            log.clear();

            assertEquals(Optional.empty(), accounts.find(2L));
            TxAccount fresh = accounts.get(1L);
            assertEquals(2, log.selects());
            assertNotSame(stale, fresh);
            assertNotSame(deleted, fresh);
            assertEquals("alice", fresh.name);

            assertSame(note, notes.get(1L));
            assertEquals(2, log.count());
        });
    }

    @Test
    void rollbackOfANestedBlockClearsTheMap() {
        ferro.transaction(() -> {
            TxAccount before = accounts.get(1L);
            TxNote note = notes.get(1L);
            assertThrows(IllegalStateException.class, () -> ferro.transaction(() -> {
                accounts.get(1L).balance = 500;
                throw new IllegalStateException("nested fails");
            }));
            log.clear();

            TxAccount after = accounts.get(1L);
            TxNote noteAfter = notes.get(1L);

            assertEquals(2, log.selects());
            assertNotSame(before, after);
            assertNotSame(note, noteAfter);
            assertEquals(10, after.balance);
        });
    }

    @Test
    void deleteOfAModelRemovesItFromTheMap() {
        ferro.transaction(() -> {
            TxAccount alice = accounts.get(1L);
            ferro.delete(alice);
            log.clear();

            assertEquals(Optional.empty(), accounts.find(1L));
            assertEquals(1, log.selects());
        });
        assertEquals(List.of(2L), accounts.all().stream().map(a -> a.id).toList());
    }

    /** Raw SQL does not touch the map: the cached instance is stale until refresh reloads it, in place. */
    @Test
    void refreshReloadsTheCachedInstanceInPlace() {
        ferro.transaction(() -> {
            TxAccount alice = accounts.get(1L);
            alice.name = "unsaved";
            ferro.execute("UPDATE tx_account SET balance = ? WHERE id = ?", 77, 1L);
            assertEquals(10, accounts.get(1L).balance);

            assertSame(alice, ferro.refresh(alice));

            assertEquals("alice", alice.name);
            assertEquals(77, alice.balance);
            log.clear();
            assertSame(alice, accounts.get(1L));
            assertEquals(0, log.count());
        });
    }

    @Test
    void refreshOutsideATransactionUpdatesTheGivenInstance() {
        TxAccount alice = accounts.get(1L);
        accounts.where(TxAccount_.id.eq(1L)).update(TxAccount_.balance.set(42));

        assertSame(alice, ferro.refresh(alice));

        assertEquals(42, alice.balance);
    }
}
