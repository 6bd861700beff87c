package dev.ferro.impl.relation;

import dev.ferro.InvalidQueryException;
import dev.ferro.Ref;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static dev.ferro.Aggregate.count;
import static org.junit.jupiter.api.Assertions.assertFalse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Projections ({@code select(...)}) of foreign keys and of relations' queries, groups by a foreign key, and {@code delete(id)} of a relation. */
class RelationProjectionTest extends RelationTestBase {

    record AuthorCount(Ref<RelUser> author, long posts) {
    }

    @Test
    void aForeignKeyIsReadAsAnUnloadedRefToItsKey() {
        RelUser ann = user("ann");
        RelUser bob = user("bob");
        post("first", ann);
        post("second", bob);
        log.clear();

        List<Ref<RelUser>> authors = posts().orderBy(RelPost_.id.asc()).select(RelPost_.author).list();

        assertEquals(List.of(ann.id, bob.id), authors.stream().map(ref -> (Long) ref.id()).toList());
        assertFalse(authors.get(0).isLoaded());
        assertEquals(1, log.count());
        assertEquals("ann", authors.get(0).get().name);
        assertEquals(2, log.count(), "the target loads at get(), as a model's Ref does");
        // A NULL foreign key is a null, not a Ref.
        dev.ferro.Query<RelCategory> categories = ferro.query(RelCategory.class);
        RelCategory top = categories.create(new RelCategory("top", null));
        categories.create(new RelCategory("child", top));
        List<Ref<RelCategory>> parents = categories.orderBy(RelCategory_.id.asc()).select(RelCategory_.parent).list();
        assertEquals(Arrays.asList(null, Ref.<RelCategory>ofId(top.id)), parents);
    }

    @Test
    void postsGroupedByTheirAuthorCountedInOneStatement() {
        RelUser ann = user("ann");
        RelUser bob = user("bob");
        RelUser cat = user("cat");
        post("a1", ann);
        post("b1", bob);
        post("a2", ann);
        post("a3", ann);
        post("c1", cat);
        post("b2", bob);
        log.clear();

        List<AuthorCount> counts = posts().groupBy(RelPost_.author).having(count().ge(2L)).orderBy(count().desc())
                .select(RelPost_.author, count()).as(AuthorCount.class).list();

        assertEquals(List.of(ann.id, bob.id), counts.stream().map(row -> (Long) row.author().id()).toList());
        assertEquals(List.of(3L, 2L), counts.stream().map(AuthorCount::posts).toList());
        assertEquals(1, log.count());
        assertEquals(3, posts().countDistinct(RelPost_.author));
    }

    record AuthorKey(long author, long posts) {
    }

    @Test
    void aForeignKeyIsReadAsItsKeyIntoAParameterOfTheKeysType() {
        RelUser ann = user("ann");
        RelUser bob = user("bob");
        post("a1", ann);
        post("b1", bob);
        post("a2", ann);

        assertEquals(List.of(new AuthorKey(ann.id, 2), new AuthorKey(bob.id, 1)), posts().groupBy(RelPost_.author)
                .orderBy(dev.ferro.Aggregate.count().desc()).select(RelPost_.author, count()).as(AuthorKey.class).list());
        InvalidQueryException e = assertThrows(InvalidQueryException.class,
                () -> posts().select(RelPost_.author, RelPost_.title).as(AuthorKey.class));
        assertEquals("The component posts of " + AuthorKey.class.getName() + " cannot take RelPost.title: a long is not a String",
                e.getMessage());
    }

    @Test
    void prefetchIsRefusedSinceThereAreNoModelsToAttachTo() {
        InvalidQueryException e = assertThrows(InvalidQueryException.class,
                () -> posts().prefetch(RelPost_.tags).select(RelPost_.id, RelPost_.title));

        assertEquals("select(...) of RelPost is refused with prefetch(...): a projection has no models to attach relations to",
                e.getMessage());
        assertEquals(0, log.count());
    }

    @Test
    void aRelationsQueryProjectsItsOwnRows() {
        RelUser ann = users().create(new RelUser("ann"));
        RelUser bob = users().create(new RelUser("bob"));
        posts().create(new RelPost("first", ann));
        posts().create(new RelPost("second", bob));
        posts().create(new RelPost("third", ann));

        RelUser loaded = users().get(ann.id);

        assertEquals(java.util.List.of("first", "third"), loaded.posts.orderBy(RelPost_.id.asc()).select(RelPost_.title).list());
    }

    @Test
    void aRelationsDeleteByKeyDeletesOnlyItsOwnRows() {
        RelUser ann = users().create(new RelUser("ann"));
        RelUser bob = users().create(new RelUser("bob"));
        RelPost annsPost = posts().create(new RelPost("ann's", ann));
        RelPost bobsPost = posts().create(new RelPost("bob's", bob));
        RelUser loaded = users().get(ann.id);

        assertThrows(dev.ferro.ModelNotFoundException.class, () -> loaded.posts.delete(bobsPost.id));
        loaded.posts.delete(annsPost.id);

        assertEquals(java.util.List.of("bob's"), posts().orderBy(RelPost_.id.asc()).select(RelPost_.title).list());
    }
}
