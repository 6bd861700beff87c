package dev.ferro.impl.relation;

import dev.ferro.UniqueViolationException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ManyToManyTest extends RelationTestBase {

    private RelPost post;
    private RelTag java;
    private RelTag jakarta;
    private RelTag sql;

    private void write() {
        post = post("hello", user("alice"));
        java = tag("java");
        jakarta = tag("jakarta");
        sql = tag("sql");
        log.clear();
    }

    private List<String> tagsOf(RelPost owner) {
        return names(owner.tags.orderBy(RelTag_.name.asc()).all(), t -> t.name);
    }

    @Test
    void addLinksInOneBatch() {
        write();

        post.tags.add(java, jakarta);

        assertEquals(1, log.count());
        assertEquals(2, log.entries().get(0).batchSize());
        assertEquals(List.of("jakarta", "java"), tagsOf(post));
        assertEquals(2, rows("rel_post_tags"));
    }

    @Test
    void bothSidesSeeTheLinks() {
        write();
        RelPost second = post("second", user("bob"));
        post.tags.add(java, sql);
        second.tags.add(java);

        assertEquals(List.of("hello", "second"), names(java.posts.orderBy(RelPost_.title.asc()).all(), p -> p.title));
        assertEquals(List.of("hello"), names(sql.posts.all(), p -> p.title));
        assertEquals(0, jakarta.posts.count());
    }

    @Test
    void theReverseSideLinksToo() {
        write();
        RelPost second = post("second", user("bob"));

        java.posts.add(post, second);
        jakarta.posts.add(second);
        UniqueViolationException duplicate = assertThrows(UniqueViolationException.class, () -> java.posts.add(post));
        assertEquals("uq_rel_post_tags_rel_post_id_rel_tag_id", duplicate.constraint());

        assertEquals(List.of("java"), tagsOf(post));
        assertEquals(List.of("jakarta", "java"), tagsOf(second));
    }

    @Test
    void removeUnlinksOnlyTheGivenModelsAndIgnoresMissingLinks() {
        write();
        post.tags.add(java, jakarta, sql);

        post.tags.remove(jakarta, tag("unlinked"));

        assertEquals(List.of("java", "sql"), tagsOf(post));
        assertEquals(3 + 1, tags().count());
    }

    @Test
    void clearRemovesEveryLinkButKeepsTheRows() {
        write();
        post.tags.add(java, jakarta);

        post.tags.clear();

        assertEquals(List.of(), tagsOf(post));
        assertEquals(0, rows("rel_post_tags"));
        assertEquals(3, tags().count());
    }

    @Test
    void setReplacesTheLinks() {
        write();
        post.tags.add(java, jakarta);

        post.tags.set(List.of(jakarta, sql));

        assertEquals(List.of("jakarta", "sql"), tagsOf(post));
        assertEquals(2, rows("rel_post_tags"));
    }

    @Test
    void aDuplicateLinkIsAUniqueViolationAndTheCallLinksNothing() {
        write();
        post.tags.add(java);

        UniqueViolationException error = assertThrows(UniqueViolationException.class, () -> post.tags.add(sql, java));

        assertEquals(RelPost.class, error.model());
        assertEquals("uq_rel_post_tags_rel_post_id_rel_tag_id", error.constraint());
        assertEquals(List.of("java"), tagsOf(post));
    }

    @Test
    void aDuplicateLinkInsideATransactionLeavesItUsable() {
        write();
        post.tags.add(java);

        ferro.transaction(() -> {
            assertThrows(UniqueViolationException.class, () -> post.tags.add(sql, java));
            post.tags.add(jakarta);
        });

        assertEquals(List.of("jakarta", "java"), tagsOf(post));
    }

    @Test
    void aModelWithoutAnIdCannotBeLinked() {
        write();

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> post.tags.add(new RelTag("unsaved")));

        assertEquals("Cannot link RelPost.tags to a RelTag whose id is not set: save it first", error.getMessage());
        assertEquals(0, log.count());
    }

    @Test
    void aNullModelCannotBeLinked() {
        write();

        NullPointerException error = assertThrows(NullPointerException.class, () -> post.tags.add(java, null));

        assertEquals("a null model cannot be linked", error.getMessage());
        assertEquals(0, rows("rel_post_tags"));
    }

    @Test
    void aManyToManyIsAQuery() {
        write();
        post.tags.add(java, jakarta, sql);

        assertEquals(List.of("jakarta", "java"), names(post.tags.where(RelTag_.name.startsWith("ja")).orderBy(RelTag_.name.asc()).all(),
                t -> t.name));
        assertEquals(3, post.tags.count());
        assertEquals("sql", post.tags.orderBy(RelTag_.name.desc()).first().orElseThrow().name);
        assertEquals("java", post.tags.get(java.id).name);
    }

    @Test
    void createThroughAManyToManyInsertsAndLinks() {
        write();

        RelTag created = post.tags.create(new RelTag("new"));

        assertEquals(List.of("new"), tagsOf(post));
        assertEquals(List.of("hello"), names(tags().get(created.id).posts.all(), p -> p.title));
    }

    @Test
    void deletingEitherSideDeletesItsLinks() {
        write();
        RelPost second = post("second", user("bob"));
        post.tags.add(java, jakarta);
        second.tags.add(java);

        ferro.delete(java);
        assertEquals(1, rows("rel_post_tags"));

        ferro.delete(post);
        assertEquals(0, rows("rel_post_tags"));
        assertEquals(List.of(), tagsOf(second));
    }

    @Test
    void theJoinTableHasTheDocumentedNameAndColumns() {
        write();
        post.tags.add(sql);

        List<Map<String, Object>> links = ferro.fetchAll("SELECT rel_post_id, rel_tag_id FROM rel_post_tags");

        assertEquals(1, links.size());
        assertEquals(post.id, ((Number) links.get(0).get("rel_post_id")).longValue());
        assertEquals(sql.id, ((Number) links.get(0).get("rel_tag_id")).longValue());
    }

    @Test
    void aManyToManyToItsOwnModelUsesFromAndToColumns() {
        RelPerson ann = ferro.query(RelPerson.class).create(new RelPerson("ann"));
        RelPerson ben = ferro.query(RelPerson.class).create(new RelPerson("ben"));
        RelPerson cid = ferro.query(RelPerson.class).create(new RelPerson("cid"));

        ann.follows.add(ben, cid);
        ben.follows.add(cid);

        assertEquals(List.of("ann", "ben"), names(cid.followers.orderBy(RelPerson_.name.asc()).all(), p -> p.name));
        assertEquals(List.of("cid"), names(ben.follows.all(), p -> p.name));
        assertEquals(2, ((Number) ferro.fetchOne("SELECT COUNT(*) AS n FROM rel_person_follows WHERE from_id = ?", ann.id)
                .orElseThrow().get("n")).longValue());
    }
}
