package dev.ferro.impl.relation;

import dev.ferro.InvalidQueryException;
import dev.ferro.Page;
import dev.ferro.Query;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code join(...)}: to-one relations read in the rows' own statement, attached as prefetch attaches them. */
class JoinTest extends RelationTestBase {
    private RelUser ann;
    private RelUser bob;

    @BeforeEach
    void insertRows() {
        ann = user("ann");
        bob = user("bob");
        RelPost a1 = post("a1", ann);
        post("b1", bob);
        post("a2", ann);
        RelTag java = tag("java");
        a1.tags.add(java);
        log.clear();
    }

    @Test
    void theTargetsComeInTheSameStatement() {
        List<RelPost> rows = posts().join(RelPost_.author).orderBy(RelPost_.id.asc()).all();

        assertEquals(1, log.count());
        assertTrue(log.entries().get(0).sql().contains(" LEFT JOIN "), log.entries().get(0).sql());
        assertEquals(List.of("ann", "bob", "ann"), rows.stream().map(post -> post.author.get().name).toList());
        assertTrue(rows.get(0).author.isLoaded());
        assertSame(rows.get(0).author.get(), rows.get(2).author.get(), "one instance per user");
        assertEquals(1, log.count(), "get() ran no SQL");
    }

    @Test
    void joinedTargetsAreTheInstancesPrefetchGives() {
        ferro.transaction(() -> {
            List<RelPost> joined = posts().join(RelPost_.author).orderBy(RelPost_.id.asc()).all();
            List<RelPost> prefetched = posts().prefetch(RelPost_.author).orderBy(RelPost_.id.asc()).all();
            RelUser loaded = users().get(ann.id);

            for (int i = 0; i < joined.size(); i++) {
                assertSame(prefetched.get(i), joined.get(i));
                assertSame(prefetched.get(i).author.get(), joined.get(i).author.get());
            }
            assertSame(loaded, joined.get(0).author.get());
        });
    }

    @Test
    void joinCombinesWithPrefetchConditionsOrderAndPaging() {
        List<RelPost> rows = posts().join(RelPost_.author).prefetch(RelPost_.tags).where(RelPost_.author.to(RelUser_.name).eq("ann"))
                .orderBy(RelPost_.author.to(RelUser_.name).asc(), RelPost_.title.desc()).limit(1).offset(1).all();

        assertEquals(List.of("a1"), rows.stream().map(post -> post.title).toList());
        assertEquals("ann", rows.get(0).author.get().name);
        assertEquals(List.of("java"), rows.get(0).tags.all().stream().map(tag -> tag.name).toList());
        assertEquals(2, log.count(), "the joined rows, and the tags' IN list");
    }

    @Test
    void everyReadOfModelsJoins() {
        Query<RelPost> joined = posts().join(RelPost_.author);
        RelPost first = joined.orderBy(RelPost_.id.desc()).first().orElseThrow();
        RelPost one = joined.where(RelPost_.title.eq("b1")).one();
        RelPost got = joined.get(first.id);
        Page<RelPost> page = joined.orderBy(RelPost_.title.asc()).page(2);

        assertEquals("ann", first.author.get().name);
        assertEquals("bob", one.author.get().name);
        assertEquals("ann", got.author.get().name);
        assertEquals(List.of("ann", "ann"), page.items().stream().map(post -> post.author.get().name).toList());
        assertEquals(4, log.count());
    }

    @Test
    void twoForeignKeysToOneTableJoinUnderTheirOwnAliases() {
        ferro.query(RelMessage.class).create(new RelMessage("hi", ann, bob));
        ferro.query(RelMessage.class).create(new RelMessage("re", bob, ann));
        log.clear();

        List<RelMessage> messages = ferro.query(RelMessage.class).join(RelMessage_.sender).join(RelMessage_.recipient)
                .orderBy(RelMessage_.id.asc()).all();

        assertEquals(List.of("ann>bob", "bob>ann"), messages.stream()
                .map(message -> message.sender.get().name + ">" + message.recipient.get().name).toList());
        assertSame(messages.get(0).sender.get(), messages.get(1).recipient.get());
        assertEquals(1, log.count());
    }

    @Test
    void aNullForeignKeyJoinsNothingAndAModelJoinsItself() {
        Query<RelCategory> categories = ferro.query(RelCategory.class);
        RelCategory root = categories.create(new RelCategory("root", null));
        categories.create(new RelCategory("child", root));
        log.clear();

        List<RelCategory> rows = categories.join(RelCategory_.parent).orderBy(RelCategory_.id.asc()).all();

        assertNull(rows.get(0).parent);
        assertEquals("root", rows.get(1).parent.get().name);
        assertEquals(1, log.count());
    }

    @Test
    void streamsAndLocksAreRefused() {
        InvalidQueryException stream = assertThrows(InvalidQueryException.class, () -> posts().join(RelPost_.author).stream());
        assertEquals("stream() of RelPost is refused with join(...): a stream keeps no identity map to attach the joined rows"
                + " through; prefetch(...) works a chunk at a time", stream.getMessage());
        InvalidQueryException lock = assertThrows(InvalidQueryException.class,
                () -> ferro.transaction(() -> posts().join(RelPost_.author).forUpdate().all()));
        assertEquals("forUpdate() of RelPost is refused with join(...): lock the rows and prefetch(...) what they point at",
                lock.getMessage());
        assertEquals(3, posts().join(RelPost_.author).count());
    }
}
