package dev.ferro.impl.relation;

import dev.ferro.Ref;
import dev.ferro.UniqueViolationException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackRefTest extends RelationTestBase {

    private RelUser alice;
    private RelUser bob;

    /** Alice wrote a, c, e, g; Bob wrote b, d. */
    private void write() {
        alice = user("alice");
        bob = user("bob");
        for (String title : List.of("a", "b", "c", "d", "e", "g")) {
            post(title, "bd".contains(title) ? bob : alice);
        }
        log.clear();
    }

    @Test
    void aRelationIsAQueryScopedToItsOwner() {
        write();

        assertEquals(List.of("a", "c", "e", "g"), names(alice.posts.orderBy(RelPost_.title.asc()).all(), p -> p.title));
        assertEquals(List.of("g", "e"), names(alice.posts.orderBy(RelPost_.title.desc()).limit(2).all(), p -> p.title));
        assertEquals(List.of("c", "e"), names(alice.posts.where(RelPost_.title.in("b", "c", "e")).orderBy(RelPost_.title.asc()).all(),
                p -> p.title));
        assertEquals(4, alice.posts.count());
        assertEquals(1, alice.posts.where(RelPost_.title.eq("a")).count());
        assertEquals(0, alice.posts.where(RelPost_.title.eq("b")).count());
        assertTrue(bob.posts.exists());
        assertFalse(bob.posts.where(RelPost_.title.eq("a")).exists());
        assertEquals("b", bob.posts.orderBy(RelPost_.title.asc()).first().orElseThrow().title);
        assertEquals("d", bob.posts.where(RelPost_.title.gt("b")).one().title);
    }

    @Test
    void getByIdThroughARelationFindsOnlyTheOwnersRows() {
        write();
        RelPost bobsPost = posts().where(RelPost_.title.eq("b")).one();

        assertEquals("b", bob.posts.get(bobsPost.id).title);
        assertTrue(alice.posts.find(bobsPost.id).isEmpty());
    }

    @Test
    void updateAndDeleteThroughARelationTouchOnlyTheOwnersRows() {
        write();

        assertEquals(4, alice.posts.update(RelPost_.title.set("alice's")));
        assertEquals(2, bob.posts.where(RelPost_.title.ne("alice's")).count());
        assertEquals(2, bob.posts.delete());

        assertEquals(4, posts().count());
        assertEquals(List.of("alice's"), posts().all().stream().map(p -> p.title).distinct().toList());
    }

    @Test
    void createThroughARelationSetsTheForeignKeyToTheOwner() {
        write();

        RelPost created = alice.posts.create(new RelPost("new", null));

        assertEquals(alice.id, created.author.<Long>id());
        assertEquals(5, alice.posts.count());
        assertEquals(alice.id, posts().get(created.id).author.<Long>id());
    }

    @Test
    void linkingOnTheReverseSideOfAForeignKeyIsRefused() {
        write();
        RelPost post = new RelPost("x", bob);

        UnsupportedOperationException error = assertThrows(UnsupportedOperationException.class, () -> alice.posts.add(post));

        assertEquals("RelUser.posts.add(...): RelUser.posts is the reverse side of the foreign key RelPost.author; "
                + "set that field and save the RelPost instead", error.getMessage());
    }

    @Test
    void aRelationReadsTheDatabaseEachTime() {
        write();
        assertEquals(4, alice.posts.all().size());

        post("h", alice);

        assertEquals(5, alice.posts.all().size());
    }

    @Test
    void aCreatedModelGetsItsRelationHandles() {
        RelUser carol = new RelUser("carol");
        assertNull(carol.posts);

        users().create(carol);
        post("p", carol);

        assertEquals(List.of("p"), names(carol.posts.all(), p -> p.title));
    }

    // ---------------------------------------------------------------- one-to-one

    @Test
    void theReverseSideOfAUniqueForeignKeyIsOneRowOrNone() {
        write();
        RelProfile profile = ferro.query(RelProfile.class).create(new RelProfile("writes a lot", alice));
        RelUser readAlice = users().get(alice.id);
        RelUser readBob = users().get(bob.id);
        log.clear();

        assertFalse(readAlice.profile.idKnown());
        assertEquals("writes a lot", readAlice.profile.get().bio);
        assertEquals(profile.id, readAlice.profile.<Long>id());
        assertNull(readBob.profile.get());
        assertNull(readBob.profile.id());
        assertTrue(readBob.profile.isLoaded());
        assertEquals(2, log.count());
    }

    @Test
    void aSecondRowForTheSameOneToOneTargetIsAUniqueViolation() {
        write();
        ferro.query(RelProfile.class).create(new RelProfile("first", alice));

        UniqueViolationException error = assertThrows(UniqueViolationException.class,
                () -> ferro.query(RelProfile.class).create(new RelProfile("second", alice)));

        assertEquals("uq_rel_profile_user_id", error.constraint());
        assertEquals(1, ferro.query(RelProfile.class).count());
        assertEquals("first", users().get(alice.id).profile.get().bio);
    }

    @Test
    void theForwardSideOfAOneToOneIsAnOrdinaryRef() {
        write();
        RelProfile profile = ferro.query(RelProfile.class).create(new RelProfile("bio", bob));

        RelProfile read = ferro.query(RelProfile.class).get(profile.id);

        assertEquals(bob.id, read.user.<Long>id());
        assertEquals("bob", read.user.get().name);
        assertEquals(1, ferro.query(RelProfile.class).where(RelProfile_.user.eq(Ref.of(bob))).count());
    }
}
