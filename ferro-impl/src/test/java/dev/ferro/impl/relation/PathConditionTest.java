package dev.ferro.impl.relation;

import dev.ferro.Condition;
import dev.ferro.InvalidQueryException;
import dev.ferro.Query;
import dev.ferro.impl.safety.InjectionTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Conditions and ordering across relations: paths through foreign keys ({@code Post_.author.to(RelUser_.name)}),
 * {@code any}/{@code none}/{@code count} of one-to-many and many-to-many relations, each in one statement and never
 * repeating a row. The rows:
 *
 * <pre>
 * users    ann, bob, cat, dan (dan has no posts)
 * posts    a1, a2, a3 by ann; b1 by bob; c1 by cat
 * tags     a1: java, sql; a2: java; b1: sql
 * comments a1: "nice", "meh"; b1: "ok"
 * </pre>
 */
class PathConditionTest extends RelationTestBase {
    private RelUser ann;

    @BeforeEach
    void insertRows() {
        ann = user("ann");
        RelUser bob = user("bob");
        RelUser cat = user("cat");
        user("dan");
        RelPost a1 = post("a1", ann);
        RelPost a2 = post("a2", ann);
        post("a3", ann);
        RelPost b1 = post("b1", bob);
        post("c1", cat);
        RelTag java = tag("java");
        RelTag sql = tag("sql");
        tag("rust");
        a1.tags.add(java, sql);
        a2.tags.add(java);
        b1.tags.add(sql);
        comments().create(new RelComment("nice", a1));
        comments().create(new RelComment("meh", a1));
        comments().create(new RelComment("ok", b1));
        log.clear();
    }

    Query<RelComment> comments() {
        return ferro.query(RelComment.class);
    }

    private static List<String> titles(Query<RelPost> query) {
        return query.orderBy(RelPost_.id.asc()).select(RelPost_.title).list();
    }

    private static List<String> names(Query<RelUser> query) {
        return query.orderBy(RelUser_.id.asc()).select(RelUser_.name).list();
    }

    @Test
    void aToOnePathFiltersByTheRelatedRow() {
        assertEquals(List.of("a1", "a2", "a3"), titles(posts().where(RelPost_.author.to(RelUser_.name).eq("ann"))));
        assertEquals(List.of("b1", "c1"), titles(posts().where(RelPost_.author.to(RelUser_.name).in("bob", "cat"))));
        assertEquals(List.of("b1", "c1"), titles(posts().where(RelPost_.author.to(RelUser_.name).ne("ann"))));
        assertEquals(List.of("b1", "c1"), titles(posts().where(Condition.not(RelPost_.author.to(RelUser_.name).eq("ann")))));
        assertEquals(List.of("a1", "a2", "a3", "c1"),
                titles(posts().where(RelPost_.author.to(RelUser_.name).startsWith("a").or(RelPost_.title.eq("c1")))));
        assertEquals(List.of("b1"), titles(posts().where(RelPost_.author.to(RelUser_.name).gt("ann"))
                .where(RelPost_.author.to(RelUser_.name).lt("cat"))));
        assertEquals(6, log.count(), "one statement each");
    }

    @Test
    void aPathFollowsSeveralForeignKeys() {
        assertEquals(List.of("nice", "meh"), comments().where(RelComment_.post.to(RelPost_.author).to(RelUser_.name).eq("ann"))
                .orderBy(RelComment_.id.asc()).select(RelComment_.body).list());
        assertEquals(List.of("ok"), comments().where(RelComment_.post.to(RelPost_.author.to(RelUser_.name)).eq("bob"))
                .select(RelComment_.body).list());
        assertEquals(2, log.count());
    }

    @Test
    void rowsSortByARelatedColumn() {
        assertEquals(List.of("c1", "b1", "a1", "a2", "a3"),
                posts().orderBy(RelPost_.author.to(RelUser_.name).desc(), RelPost_.id.asc()).select(RelPost_.title).list());
        assertEquals(List.of("c1", "b1", "a1", "a2", "a3"), posts().orderBy(RelPost_.author.to(RelUser_.name).desc(),
                RelPost_.id.asc()).all().stream().map(post -> post.title).toList());
        assertEquals(List.of("ok", "nice", "meh"), comments().orderBy(RelComment_.post.to(RelPost_.title).desc(),
                RelComment_.id.asc()).select(RelComment_.body).list());
        assertEquals(3, log.count());
    }

    record TitleAuthor(String title, String author) {
    }

    @Test
    void aPathIsSelectedBesideTheRowsColumns() {
        assertEquals(List.of(new TitleAuthor("a1", "ann"), new TitleAuthor("b1", "bob"), new TitleAuthor("c1", "cat")),
                posts().where(RelPost_.title.in("a1", "b1", "c1")).orderBy(RelPost_.id.asc())
                        .select(RelPost_.title, RelPost_.author.to(RelUser_.name)).as(TitleAuthor.class).list());
        assertEquals(List.of("ann", "ann"), comments().where(RelComment_.post.to(RelPost_.title).eq("a1"))
                .select(RelComment_.post.to(RelPost_.author).to(RelUser_.name)).list());
        assertEquals(2, log.count());
    }

    @Test
    void anyMatchesARowOnceHoweverManyRelatedRowsMatch() {
        assertEquals(List.of("ann"), names(users().where(RelUser_.posts.any(RelPost_.title.startsWith("a")))));
        assertEquals(1, users().where(RelUser_.posts.any(RelPost_.title.startsWith("a"))).count());
        assertEquals(List.of("ann", "bob", "cat"), names(users().where(RelUser_.posts.any())));
        assertEquals(List.of("ann", "bob", "cat"), users().where(RelUser_.posts.any()).all().stream().map(u -> u.name).toList());
    }

    @Test
    void noneMatchesTheRowsWithoutSuchRelatedRows() {
        assertEquals(List.of("dan"), names(users().where(RelUser_.posts.none())));
        assertEquals(List.of("ann", "cat", "dan"), names(users().where(RelUser_.posts.none(RelPost_.title.eq("b1")))));
        assertEquals(List.of("bob", "cat", "dan"), names(users().where(Condition.not(RelUser_.posts.any(RelPost_.title.eq("a2"))))));
    }

    @Test
    void countComparesTheNumberOfRelatedRowsZeroIncluded() {
        assertEquals(List.of("ann"), names(users().where(RelUser_.posts.count().ge(2))));
        assertEquals(List.of("bob", "cat"), names(users().where(RelUser_.posts.count().eq(1))));
        assertEquals(List.of("dan"), names(users().where(RelUser_.posts.count().lt(1))));
        assertEquals(List.of("bob", "cat", "dan"), names(users().where(RelUser_.posts.count(RelPost_.title.startsWith("a")).eq(0))));
        assertEquals(List.of("ann"), names(users().where(RelUser_.posts.count(RelPost_.title.ne("a1")).eq(2))));
    }

    @Test
    void manyToManyRelationsMatchThroughTheJoinTable() {
        assertEquals(List.of("a1", "a2"), titles(posts().where(RelPost_.tags.any(RelTag_.name.eq("java")))));
        assertEquals(List.of("a3", "c1"), titles(posts().where(RelPost_.tags.none())));
        assertEquals(List.of("a2", "a3", "c1"), titles(posts().where(RelPost_.tags.none(RelTag_.name.eq("sql")))));
        assertEquals(List.of("a1"), titles(posts().where(RelPost_.tags.count().eq(2))));
        assertEquals(List.of("a1", "b1"), titles(posts().where(RelPost_.tags.count(RelTag_.name.eq("sql")).ge(1))));
        assertEquals(List.of("java", "sql"), tags().where(RelTag_.posts.any(RelPost_.author.to(RelUser_.name).eq("ann")))
                .orderBy(RelTag_.id.asc()).select(RelTag_.name).list());
        assertEquals(List.of("rust"), tags().where(RelTag_.posts.none()).select(RelTag_.name).list());
    }

    @Test
    void relationConditionsNestAndCompose() {
        assertEquals(List.of("ann", "bob"), names(users().where(RelUser_.posts.any(RelPost_.comments.any()))));
        assertEquals(List.of("ann"), names(users().where(RelUser_.posts.any(RelPost_.comments.count().ge(2)))));
        assertEquals(List.of("ann", "bob"), names(users().where(RelUser_.posts.count(RelPost_.comments.count().ge(1)).eq(1))));
        assertEquals(List.of("ann"), names(users().where(RelUser_.posts.any(RelPost_.tags.any(RelTag_.name.eq("sql"))))
                .where(RelUser_.name.ne("bob"))));
        assertEquals(List.of("cat", "dan"), names(users().where(Condition.or(RelUser_.posts.none(), RelUser_.name.eq("cat")))));
        assertEquals(List.of("nice", "meh"), comments().where(RelComment_.post.to(RelPost_.author).to(RelUser_.name).eq("ann")
                .and(RelComment_.body.ne("x"))).orderBy(RelComment_.id.asc()).select(RelComment_.body).list());
    }

    @Test
    void aModelsRelationToItselfCountsTheInnerRows() {
        Query<RelCategory> categories = ferro.query(RelCategory.class);
        RelCategory root = categories.create(new RelCategory("root", null));
        RelCategory first = categories.create(new RelCategory("first", root));
        categories.create(new RelCategory("second", root));
        categories.create(new RelCategory("leaf", first));

        List<String> withChildren = categories.where(RelCategory_.children.any()).orderBy(RelCategory_.id.asc())
                .select(RelCategory_.name).list();
        assertEquals(List.of("root", "first"), withChildren);
        assertEquals(List.of("root"), categories.where(RelCategory_.children.count().eq(2)).select(RelCategory_.name).list());
        assertEquals(List.of("root"), categories.where(RelCategory_.children.any(RelCategory_.children.any()))
                .select(RelCategory_.name).list());
        // root has one child without children (second), and so has first (leaf).
        assertEquals(List.of("root", "first"), categories.where(RelCategory_.children.count(RelCategory_.children.count().eq(0)).eq(1))
                .orderBy(RelCategory_.id.asc()).select(RelCategory_.name).list());
        assertEquals(List.of("first"), categories.where(RelCategory_.parent.to(RelCategory_.name).eq("root"))
                .where(RelCategory_.children.any()).select(RelCategory_.name).list());
    }

    @Test
    void updatesAndDeletesFilterAcrossRelations() {
        assertEquals(1, users().where(RelUser_.posts.count().ge(3)).update(RelUser_.name.set("prolific")));
        assertEquals(List.of("prolific"), names(users().where(RelUser_.posts.count().ge(3))));
        assertEquals(1, users().where(RelUser_.posts.none()).delete());
        assertEquals(List.of("prolific", "bob", "cat"), names(users()));
        assertEquals(1, posts().where(RelPost_.author.to(RelUser_.name).eq("cat")).delete());
        assertEquals(4, posts().count());
    }

    @Test
    void valuesAcrossRelationsAreBoundNeverInlined() {
        for (String payload : InjectionTest.PAYLOADS) {
            assertEquals(List.of(), titles(posts().where(RelPost_.author.to(RelUser_.name).eq(payload))));
            assertEquals(List.of(), names(users().where(RelUser_.posts.any(RelPost_.title.eq(payload)))));
            assertEquals(List.of(), names(users().where(RelUser_.posts.count(RelPost_.title.contains(payload)).ge(1))));
        }
        assertTrue(log.entries().stream().noneMatch(entry -> entry.sql().contains("DROP") || entry.sql().contains("OR 1=1")));
        assertEquals(4, users().count());
        assertEquals(5, posts().count());
    }

    @Test
    void aPathIsRefusedWhereAColumnOfTheModelIsNeeded() {
        InvalidQueryException set = assertThrows(InvalidQueryException.class,
                () -> posts().update(RelPost_.author.to(RelUser_.name).set("x")));
        assertEquals("RelPost.author.name is a path to a related model's column, which conditions, orderBy and select read;"
                + " it is refused here, where a column of RelPost is needed", set.getMessage());
        assertThrows(InvalidQueryException.class, () -> posts().groupBy(RelPost_.author.to(RelUser_.name)).count());
        InvalidQueryException foreignKey = assertThrows(InvalidQueryException.class,
                () -> comments().select(RelComment_.post.to(RelPost_.author)).list());
        assertEquals("select(RelComment.post.author) is refused: it ends at a foreign key; select the path to its target's id"
                + " (to(...)) instead", foreignKey.getMessage());
        assertEquals(0, log.count());
        assertEquals(List.of(ann.id), comments().where(RelComment_.body.eq("nice"))
                .select(RelComment_.post.to(RelPost_.author).to(RelUser_.id)).list());
    }

    @Test
    void aColumnMatchesAnotherQuerysColumn() {
        assertEquals(List.of("b1"), titles(posts().where(RelPost_.author.in(posts().where(RelPost_.title.eq("b1")).select(RelPost_.author)))));
        assertEquals(List.of("b1", "c1"),
                titles(posts().where(RelPost_.author.notIn(posts().where(RelPost_.title.startsWith("a")).select(RelPost_.author)))));
        assertEquals(List.of("a1", "a2", "a3"), titles(posts().where(RelPost_.author.in(
                posts().groupBy(RelPost_.author).having(dev.ferro.Aggregate.count().ge(2L)).select(RelPost_.author)))));
        assertEquals(List.of("a3", "b1", "c1"), titles(posts().where(RelPost_.id.in(
                posts().groupBy(RelPost_.author).select(dev.ferro.Aggregate.max(RelPost_.id))))));
        assertEquals(List.of("ann"), names(users().where(RelUser_.name.in(
                posts().where(RelPost_.title.eq("a2")).select(RelPost_.author.to(RelUser_.name))))));
        assertEquals(5, log.count(), "one statement each");
    }

    @Test
    void notInASubqueryWithNullsIsStillTheOtherRows() {
        Query<RelCategory> categories = ferro.query(RelCategory.class);
        RelCategory root = categories.create(new RelCategory("root", null));
        RelCategory first = categories.create(new RelCategory("first", root));
        categories.create(new RelCategory("second", root));
        categories.create(new RelCategory("leaf", first));

        // root's parent is NULL: without leaving it out, NOT IN would match no row at all.
        assertEquals(List.of("second", "leaf"), categories.where(RelCategory_.id.notIn(categories.select(RelCategory_.parent.to(RelCategory_.id))))
                .orderBy(RelCategory_.id.asc()).select(RelCategory_.name).list());
    }

    @Test
    void aSubqueryMustBeOneColumnAndUnpaged() {
        InvalidQueryException paged = assertThrows(InvalidQueryException.class,
                () -> posts().where(RelPost_.author.in(posts().limit(1).select(RelPost_.author))).all());
        assertEquals("RelPost.author.in(subquery) is refused: it has a limit or offset, which MariaDB refuses in an IN subquery",
                paged.getMessage());
        assertEquals(0, log.count());
    }

    @Test
    void aSubquerysValuesAreBound() {
        for (String payload : InjectionTest.PAYLOADS) {
            assertEquals(List.of(), titles(posts().where(RelPost_.author.in(posts().where(RelPost_.title.eq(payload)).select(RelPost_.author)))));
        }
        assertEquals(5, posts().count());
    }
}
