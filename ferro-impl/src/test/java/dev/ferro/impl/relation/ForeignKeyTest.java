package dev.ferro.impl.relation;

import dev.ferro.ForeignKeyViolationException;
import dev.ferro.Ref;
import dev.ferro.impl.testing.Database;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForeignKeyTest extends RelationTestBase {

    @Test
    void theIdOfARefNeedsNoQuery() {
        RelUser alice = user("alice");
        long postId = post("hello", alice).id;
        RelPost read = posts().get(postId);
        log.clear();

        Long authorId = read.author.id();

        assertEquals(alice.id, authorId);
        assertFalse(read.author.isLoaded());
        assertEquals(0, log.count());
    }

    @Test
    void getLoadsTheTargetOnceAndKeepsIt() {
        RelUser alice = user("alice");
        RelPost read = posts().get(post("hello", alice).id);
        log.clear();

        RelUser first = read.author.get();
        RelUser second = read.author.get();

        assertEquals("alice", first.name);
        assertEquals(alice.id, first.id);
        assertSame(first, second);
        assertTrue(read.author.isLoaded());
        assertEquals(1, log.count());
    }

    @Test
    void insideATransactionTheIdentityMapAnswersWithoutSql() {
        RelUser alice = user("alice");
        long postId = post("hello", alice).id;

        ferro.transaction(() -> {
            RelUser loaded = users().get(alice.id);
            RelPost read = posts().get(postId);
            log.clear();
            assertSame(loaded, read.author.get());
            assertEquals(0, log.count());
        });
    }

    @Test
    void aRefLoadedAfterItsTransactionEndedStillWorks() {
        RelUser alice = user("alice");
        long postId = post("hello", alice).id;

        RelPost read = ferro.transaction(() -> posts().get(postId));

        assertEquals("alice", read.author.get().name);
        assertEquals(List.of("hello"), names(read.author.get().posts.all(), p -> p.title));
    }

    @Test
    void refOfIdPointsAtAnExistingRowAndLoadsOnceSaved() {
        RelUser alice = user("alice");
        RelUser bob = user("bob");
        RelPost post = post("hello", alice);

        post.author = Ref.ofId(bob.id);
        ferro.save(post);

        assertEquals("bob", post.author.get().name);
        assertEquals(bob.id, posts().get(post.id).author.<Long>id());
        assertEquals(List.of(post.id), names(bob.posts.all(), p -> p.id.toString()).stream().map(Long::valueOf).toList());
        assertEquals(0, alice.posts.count());
    }

    @Test
    void refOfIdBeforeAnyWriteCannotLoad() {
        Ref<RelUser> ref = Ref.ofId(7L);

        IllegalStateException error = assertThrows(IllegalStateException.class, ref::get);

        assertTrue(error.getMessage().startsWith("Ref.ofId(7) has not been saved or read through Ferro"), error.getMessage());
        assertEquals(7L, ref.<Long>id());
    }

    @Test
    void aRefOfAModelIsReplacedByALazyRefWhenWritten() {
        RelUser alice = user("alice");
        RelPost post = new RelPost("hello", alice);

        posts().create(post);

        assertSame(alice, post.author.get());
        assertEquals("Ref<RelUser>(" + alice.id + ", loaded)", post.author.toString());
    }

    @Test
    void aKeyWithNoRowIsAForeignKeyViolationThatWritesNothing() {
        RelPost post = new RelPost("orphan", null);
        post.author = Ref.ofId(999L);

        ForeignKeyViolationException error = assertThrows(ForeignKeyViolationException.class, () -> posts().create(post));

        assertEquals(RelPost.class, error.model());
        assertEquals(database == Database.SQLITE ? null : "fk_rel_post_author_id", error.constraint());
        assertEquals(0, posts().count());
    }

    @Test
    void aMissingRequiredForeignKeyFailsValidationBeforeAnySql() {
        RelPost post = new RelPost("orphan", null);

        ConstraintViolationException error = assertThrows(ConstraintViolationException.class, () -> posts().create(post));

        assertEquals("RelPost is invalid: author is required: set it to a Ref<RelUser>", error.getMessage());
        assertEquals("author", error.getConstraintViolations().iterator().next().getPropertyPath().toString());
        assertEquals(0, log.count());
    }

    @Test
    void aRefToAnUnsavedModelFailsValidationBeforeAnySql() {
        RelPost post = new RelPost("early", new RelUser("not saved"));

        ConstraintViolationException error = assertThrows(ConstraintViolationException.class, () -> posts().create(post));

        assertEquals("RelPost is invalid: author points at a RelUser that has no id yet: save it first", error.getMessage());
        assertEquals(0, log.count());
    }

    @Test
    void validationReportsTheForeignKeyWithBeanValidationsOwnViolations() {
        RelPost post = new RelPost("", null);

        ConstraintViolationException error = assertThrows(ConstraintViolationException.class, () -> posts().create(post));

        assertEquals(List.of("author", "title"), error.getConstraintViolations().stream()
                .map(v -> v.getPropertyPath().toString()).sorted().toList());
    }

    @Test
    void conditionsOnAForeignKeyCompareItsKey() {
        RelUser alice = user("alice");
        RelUser bob = user("bob");
        post("a1", alice);
        post("b1", bob);
        post("a2", alice);

        assertEquals(List.of("a1", "a2"), names(posts().where(RelPost_.author.eq(Ref.of(alice))).orderBy(RelPost_.id.asc()).all(),
                p -> p.title));
        assertEquals(List.of("b1"), names(posts().where(RelPost_.author.eq(Ref.ofId(bob.id))).all(), p -> p.title));
        assertEquals(3, posts().where(RelPost_.author.in(Ref.of(alice), Ref.of(bob))).count());
        assertEquals(1, posts().where(RelPost_.author.ne(Ref.of(alice))).count());
    }

    @Test
    void aConditionWithARefToAnUnsavedModelIsRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> posts().where(RelPost_.author.eq(Ref.of(new RelUser("ghost")))).count());

        assertEquals("RelPost.author points at a RelUser that has no id yet; save it first", error.getMessage());
    }

    @Test
    void bulkUpdateMovesForeignKeys() {
        RelUser alice = user("alice");
        RelUser bob = user("bob");
        post("a1", alice);
        post("a2", alice);

        long moved = posts().where(RelPost_.author.eq(Ref.of(alice))).update(RelPost_.author.set(Ref.of(bob)));

        assertEquals(2, moved);
        assertEquals(2, bob.posts.count());
        assertEquals(0, alice.posts.count());
    }

    @Test
    void aNullableSelfReferenceHoldsATree() {
        RelCategory root = ferro.query(RelCategory.class).create(new RelCategory("root", null));
        RelCategory child = ferro.query(RelCategory.class).create(new RelCategory("child", root));
        ferro.query(RelCategory.class).create(new RelCategory("grandchild", child));

        RelCategory read = ferro.query(RelCategory.class).where(RelCategory_.name.eq("grandchild")).one();

        assertEquals("child", read.parent.get().name);
        assertEquals("root", read.parent.get().parent.get().name);
        assertNull(read.parent.get().parent.get().parent);
        assertEquals(List.of("child"), names(root.children.all(), c -> c.name));
        assertEquals(List.of("root"), names(ferro.query(RelCategory.class).where(RelCategory_.parent.isNull()).all(), c -> c.name));
    }

    @Test
    void twoForeignKeysToOneModelKeepTheirReverseSidesApart() {
        RelUser alice = user("alice");
        RelUser bob = user("bob");
        ferro.query(RelMessage.class).create(new RelMessage("hi bob", alice, bob));
        ferro.query(RelMessage.class).create(new RelMessage("hi alice", bob, alice));
        ferro.query(RelMessage.class).create(new RelMessage("again", alice, bob));

        assertEquals(List.of("hi bob", "again"), names(alice.sent.orderBy(RelMessage_.id.asc()).all(), m -> m.text));
        assertEquals(List.of("hi alice"), names(alice.received.all(), m -> m.text));
        assertEquals(2, bob.received.count());
        RelMessage read = ferro.query(RelMessage.class).where(RelMessage_.text.eq("hi alice")).one();
        assertEquals("bob", read.sender.get().name);
        assertEquals("alice", read.recipient.get().name);
    }
}
