package dev.ferro.impl.relation;

import dev.ferro.InvalidQueryException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Projections ({@code select(...)}) and {@code delete(id)} of relations' queries, and what a projection refuses of relations. */
class RelationProjectionTest extends RelationTestBase {

    @Test
    void aForeignKeyColumnIsRefusedNamingIt() {
        InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> posts().select(RelPost_.author));

        assertEquals("select(RelPost.author) is refused: RelPost.author is a foreign key (Ref), and a projection reads plain"
                + " columns only", e.getMessage());
        assertEquals(0, log.count());
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
