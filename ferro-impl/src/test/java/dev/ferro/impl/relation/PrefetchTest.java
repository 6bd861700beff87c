package dev.ferro.impl.relation;

import dev.ferro.Prefetch;
import dev.ferro.Query;
import dev.ferro.impl.testing.Database;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrefetchTest extends RelationTestBase {
    private static final int POSTS = 100;
    private static final int AUTHORS = 10;

    private List<RelUser> authors;
    private List<RelTag> tagList;

    /** 100 posts by 10 authors (post i by author i % 10); post i has tags i % 3 and, when i is even, also tag 3. */
    private void write() {
        authors = new ArrayList<>();
        for (int i = 0; i < AUTHORS; i++) {
            authors.add(new RelUser("author" + i));
        }
        users().createAll(authors);
        tagList = tags().createAll(List.of(new RelTag("t0"), new RelTag("t1"), new RelTag("t2"), new RelTag("even")));
        List<RelPost> posts = new ArrayList<>();
        for (int i = 0; i < POSTS; i++) {
            posts.add(new RelPost(String.format("post%03d", i), authors.get(i % AUTHORS)));
        }
        posts().createAll(posts);
        for (int i = 0; i < POSTS; i++) {
            RelPost post = posts.get(i);
            if (i % 2 == 0) {
                post.tags.add(tagList.get(i % 3), tagList.get(3));
            } else {
                post.tags.add(tagList.get(i % 3));
            }
        }
        log.clear();
    }

    /** Reads every author name and tag name, as a page listing posts would. */
    private List<String> render(List<RelPost> posts) {
        List<String> lines = new ArrayList<>();
        for (RelPost post : posts) {
            lines.add(post.title + " by " + post.author.get().name + " " + names(post.tags.all(), t -> t.name));
        }
        return lines;
    }

    private static String expectedLine(int i) {
        String tags = i % 2 == 0 ? "[t" + i % 3 + ", even]" : "[t" + i % 3 + "]";
        return String.format("post%03d by author%d %s", i, i % AUTHORS, tags);
    }

    private static List<String> expectedLines() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < POSTS; i++) {
            lines.add(expectedLine(i));
        }
        return lines;
    }

    @Test
    void postsWithAuthorsAndTagsTakeExactlyThreeQueries() {
        write();

        List<RelPost> posts = posts().orderBy(RelPost_.id.asc()).prefetch(RelPost_.author, RelPost_.tags).all();
        List<String> lines = render(posts);

        assertEquals(3, log.count());
        assertEquals(expectedLines(), lines);
    }

    @Test
    void withoutPrefetchEachPostCostsAQueryPerRelation() {
        write();

        List<String> lines = render(posts().orderBy(RelPost_.id.asc()).all());

        // 1 for the posts, then per post one for its author and one for its tags: no unit of work
        // outlives a call outside a transaction, so every author is loaded anew.
        assertEquals(1 + POSTS + POSTS, log.count());
        assertEquals(expectedLines(), lines);
    }

    @Test
    void withoutPrefetchInATransactionTheIdentityMapLoadsEachAuthorOnce() {
        write();

        List<String> lines = ferro.transaction(() -> render(posts().orderBy(RelPost_.id.asc()).all()));

        assertEquals(1 + AUTHORS + POSTS, log.count());
        assertEquals(expectedLines(), lines);
    }

    @Test
    void prefetchedTargetsAreTheIdentityMapsInstances() {
        write();

        ferro.transaction(() -> {
            List<RelPost> posts = posts().prefetch(RelPost_.author).all();
            RelUser author0 = users().get(authors.get(0).id);
            assertSame(author0, posts.get(0).author.get());
            assertSame(posts.get(0).author.get(), posts.get(10).author.get());
        });
    }

    @Test
    void prefetchedRelationsAnswerFromMemoryInIdOrder() {
        write();

        List<RelUser> users = users().orderBy(RelUser_.id.asc()).prefetch(RelUser_.posts).all();
        log.clear();

        assertTrue(users.get(3).posts.isLoaded());
        assertEquals(List.of("post003", "post013", "post023", "post033", "post043", "post053", "post063", "post073", "post083",
                "post093"), names(users.get(3).posts.all(), p -> p.title));
        assertEquals(10, users.get(3).posts.count());
        assertTrue(users.get(3).posts.exists());
        assertEquals(0, log.count());
    }

    @Test
    void aFilteredRelationStillRunsItsQuery() {
        write();
        List<RelUser> users = users().orderBy(RelUser_.id.asc()).prefetch(RelUser_.posts).all();
        log.clear();

        assertEquals(List.of("post093"), names(users.get(3).posts.where(RelPost_.title.gt("post090")).all(), p -> p.title));
        assertEquals(1, log.count());
    }

    @Test
    void changingLinksDropsThePrefetchedRows() {
        write();
        RelPost post = posts().where(RelPost_.title.eq("post001")).prefetch(RelPost_.tags).one();
        assertEquals(List.of("t1"), names(post.tags.all(), t -> t.name));

        post.tags.add(tagList.get(3));

        assertFalse(post.tags.isLoaded());
        assertEquals(List.of("t1", "even"), names(post.tags.orderBy(RelTag_.id.asc()).all(), t -> t.name));
    }

    @Test
    void theReverseSideOfAManyToManyPrefetchesToo() {
        write();

        List<RelTag> tags = tags().orderBy(RelTag_.id.asc()).prefetch(RelTag_.posts).all();

        assertEquals(2, log.count());
        assertEquals(50, tags.get(3).posts.all().size());
        assertEquals(List.of("post000", "post003", "post006"), names(tags.get(0).posts.all().subList(0, 3), p -> p.title));
        assertEquals(34, tags.get(0).posts.all().size());
        assertEquals(2, log.count());
    }

    @Test
    void aNestedPathTakesOneQueryPerLevel() {
        write();
        RelPost post = posts().where(RelPost_.title.eq("post005")).one();
        ferro.query(RelComment.class).createAll(List.of(new RelComment("first", post), new RelComment("second", post)));
        log.clear();

        List<RelUser> users = users().orderBy(RelUser_.id.asc())
                .prefetch(Prefetch.path(RelUser_.posts, RelPost_.comments), Prefetch.path(RelUser_.posts, RelPost_.author)).all();

        assertEquals(4, log.count());
        RelPost read = users.get(5).posts.all().get(0);
        assertEquals(List.of("first", "second"), names(read.comments.all(), c -> c.body));
        assertSame(users.get(5), read.author.get());
        assertEquals(List.of(), users.get(5).posts.all().get(1).comments.all());
        assertEquals(4, log.count());
    }

    @Test
    void aOneToOneReverseSidePrefetchesAsOneRowOrNone() {
        write();
        ferro.query(RelProfile.class).create(new RelProfile("bio of 2", authors.get(2)));
        log.clear();

        List<RelUser> users = users().orderBy(RelUser_.id.asc()).prefetch(RelUser_.profile).all();

        assertEquals(2, log.count());
        assertEquals("bio of 2", users.get(2).profile.get().bio);
        assertNull(users.get(3).profile.get());
        assertTrue(users.get(3).profile.isLoaded());
        assertEquals(2, log.count());
    }

    @Test
    void prefetchWorksOnARelation() {
        write();
        RelUser author = users().get(authors.get(4).id);
        log.clear();

        List<RelPost> posts = author.posts.orderBy(RelPost_.id.asc()).prefetch(RelPost_.tags, RelPost_.author).all();

        assertEquals(List.of("post004 by author4 [t1, even]", "post014 by author4 [t2, even]"),
                render(posts).subList(0, 2));
        assertEquals(3, log.count());
    }

    @Test
    void prefetchOfFirstAndGetLoadsTheirRelationsToo() {
        write();

        RelPost first = posts().orderBy(RelPost_.id.asc()).prefetch(RelPost_.author).first().orElseThrow();
        RelPost byId = posts().prefetch(RelPost_.tags).get(first.id);

        assertTrue(first.author.isLoaded());
        assertTrue(byId.tags.isLoaded());
        assertEquals(4, log.count());
    }

    @Test
    void aNullForeignKeyPrefetchesNothing() {
        RelCategory root = ferro.query(RelCategory.class).create(new RelCategory("root", null));
        ferro.query(RelCategory.class).create(new RelCategory("child", root));
        log.clear();

        List<RelCategory> all = ferro.query(RelCategory.class).orderBy(RelCategory_.id.asc()).prefetch(RelCategory_.parent).all();

        assertNull(all.get(0).parent);
        assertEquals("root", all.get(1).parent.get().name);
        assertEquals(2, log.count());
    }

    @Test
    void anEmptyResultRunsNoPrefetchQuery() {
        write();

        assertEquals(List.of(), posts().where(RelPost_.title.eq("none")).prefetch(RelPost_.author, RelPost_.tags).all());
        assertEquals(1, log.count());
    }

    @Test
    void largeSetsAreSplitIntoChunksOfAThousandKeysOrFiveHundredOnSqlite() {
        List<RelUser> many = new ArrayList<>();
        for (int i = 0; i < 2_001; i++) {
            many.add(new RelUser("u" + i));
        }
        users().createAll(many);
        List<RelPost> posts = new ArrayList<>();
        for (RelUser user : many) {
            posts.add(new RelPost("by " + user.name, user));
        }
        posts().createAll(posts);
        log.clear();

        List<RelPost> read = posts().orderBy(RelPost_.id.asc()).prefetch(RelPost_.author).all();

        int authorQueries = database == Database.SQLITE ? 5 : 3;
        assertEquals(1 + authorQueries, log.count());
        assertEquals("u2000", read.get(2_000).author.get().name);
        assertEquals("u999", read.get(999).author.get().name);
        assertTrue(read.stream().allMatch(post -> post.author.isLoaded()));
        assertEquals(1 + authorQueries, log.count());
    }

    @Test
    void aPathThatDoesNotStartWhereTheLastStepEndsIsRefusedWhenBuilt() {
        Query<RelUser> users = users();
        @SuppressWarnings({"unchecked", "rawtypes"})
        Prefetch<RelUser> wrong = (Prefetch) Prefetch.path(RelPost_.author, RelUser_.posts);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> users.prefetch(wrong));

        assertEquals("Cannot prefetch RelPost.author from RelUser: a path's next step must start where the last one ends",
                error.getMessage());
    }
}
