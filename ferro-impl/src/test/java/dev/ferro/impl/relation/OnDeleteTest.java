package dev.ferro.impl.relation;

import dev.ferro.ForeignKeyViolationException;
import dev.ferro.impl.testing.Database;
import dev.ferro.impl.testing.DatabaseTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each rule is enforced by the database itself: these tests delete rows, they do not read DDL. */
class OnDeleteTest extends DatabaseTest {
    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {RelOwner.class, RelCascadeChild.class, RelRestrictChild.class, RelSetNullChild.class,
                RelNoActionChild.class};
    }

    private RelOwner owner(String name) {
        return ferro.query(RelOwner.class).create(new RelOwner(name));
    }

    @Test
    void cascadeDeletesTheChildren() {
        RelOwner doomed = owner("doomed");
        RelOwner kept = owner("kept");
        ferro.query(RelCascadeChild.class).createAll(java.util.List.of(new RelCascadeChild(doomed), new RelCascadeChild(doomed),
                new RelCascadeChild(kept)));

        ferro.delete(doomed);

        assertEquals(1, ferro.query(RelCascadeChild.class).count());
        assertEquals(kept.id, ferro.query(RelCascadeChild.class).one().owner.<Long>id());
    }

    @Test
    void cascadeAppliesToBulkDeletesToo() {
        RelOwner doomed = owner("doomed");
        ferro.query(RelCascadeChild.class).create(new RelCascadeChild(doomed));

        assertEquals(1, ferro.query(RelOwner.class).where(RelOwner_.name.eq("doomed")).delete());

        assertEquals(0, ferro.query(RelCascadeChild.class).count());
    }

    @Test
    void restrictRefusesTheDeleteAndKeepsEveryRow() {
        RelOwner owner = owner("parent");
        ferro.query(RelRestrictChild.class).create(new RelRestrictChild(owner));

        ForeignKeyViolationException error = assertThrows(ForeignKeyViolationException.class, () -> ferro.delete(owner));

        assertEquals(RelOwner.class, error.model());
        assertEquals(database == Database.SQLITE ? null : "fk_rel_restrict_child_owner_id", error.constraint());
        assertEquals(1, ferro.query(RelOwner.class).count());
        assertEquals(1, ferro.query(RelRestrictChild.class).count());
    }

    @Test
    void noActionRefusesTheDeleteAndKeepsEveryRow() {
        RelOwner owner = owner("parent");
        ferro.query(RelNoActionChild.class).create(new RelNoActionChild(owner));

        ForeignKeyViolationException error = assertThrows(ForeignKeyViolationException.class,
                () -> ferro.query(RelOwner.class).where(RelOwner_.id.eq(owner.id)).delete());

        assertEquals(database == Database.SQLITE ? null : "fk_rel_no_action_child_owner_id", error.constraint());
        assertEquals(1, ferro.query(RelOwner.class).count());
        assertEquals(1, ferro.query(RelNoActionChild.class).count());
    }

    @Test
    void restrictInsideATransactionRollsBackOnlyWhatFailed() {
        RelOwner owner = owner("parent");
        RelOwner free = owner("free");
        ferro.query(RelRestrictChild.class).create(new RelRestrictChild(owner));

        assertThrows(ForeignKeyViolationException.class, () -> ferro.transaction(() -> {
            ferro.delete(free);
            ferro.delete(owner);
        }));

        assertEquals(2, ferro.query(RelOwner.class).count());
    }

    @Test
    void setNullEmptiesTheChildrensForeignKey() {
        RelOwner owner = owner("parent");
        RelSetNullChild child = ferro.query(RelSetNullChild.class).create(new RelSetNullChild(owner));

        ferro.delete(owner);

        RelSetNullChild read = ferro.query(RelSetNullChild.class).get(child.id);
        assertNull(read.owner);
        assertEquals(1, ferro.query(RelSetNullChild.class).where(RelSetNullChild_.owner.isNull()).count());
    }

    @Test
    void theOtherRulesLeaveUnrelatedOwnersDeletable() {
        RelOwner lonely = owner("lonely");
        RelOwner busy = owner("busy");
        ferro.query(RelRestrictChild.class).create(new RelRestrictChild(busy));
        ferro.query(RelNoActionChild.class).create(new RelNoActionChild(busy));

        ferro.delete(lonely);

        assertEquals(1, ferro.query(RelOwner.class).count());
    }

    @Test
    void rowsTheDatabaseDeletedOrChangedAreNotAnsweredFromTheIdentityMap() {
        RelOwner owner = owner("parent");
        RelCascadeChild cascaded = ferro.query(RelCascadeChild.class).create(new RelCascadeChild(owner));
        RelSetNullChild emptied = ferro.query(RelSetNullChild.class).create(new RelSetNullChild(owner));

        ferro.transaction(() -> {
            RelCascadeChild before = ferro.query(RelCascadeChild.class).get(cascaded.id);
            RelSetNullChild held = ferro.query(RelSetNullChild.class).get(emptied.id);
            assertEquals(owner.id, held.owner.<Long>id());

            ferro.delete(ferro.query(RelOwner.class).get(owner.id));

            assertTrue(ferro.query(RelCascadeChild.class).find(before.id).isEmpty());
            assertNull(ferro.query(RelSetNullChild.class).get(emptied.id).owner);
        });
    }
}
