package dev.ferro.tck.report;

import dev.ferro.Condition;
import dev.ferro.Ferro;
import dev.ferro.InvalidQueryException;
import dev.ferro.Page;
import dev.ferro.Query;
import dev.ferro.Ref;
import dev.ferro.tck.model.TckArticle;
import dev.ferro.tck.model.TckArticle_;
import dev.ferro.tck.model.TckAuthor;
import dev.ferro.tck.model.TckAuthor_;
import dev.ferro.tck.model.TckLabel;
import dev.ferro.tck.model.TckLabel_;
import dev.ferro.tck.support.Requests;
import dev.ferro.tck.support.Statements;
import jakarta.inject.Inject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static dev.ferro.Aggregate.count;
import static dev.ferro.Aggregate.max;
import static dev.ferro.Aggregate.min;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The queries past CRUD, through injected {@code Query} beans in the container: projections into records,
 * aggregates and groups, conditions across relations (paths, any/none/count), {@code join}, and cursor pages.
 * Ann wrote alpha (labels java, cdi), beta (java) and delta; bob wrote gamma; jakarta labels nothing.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class QueryFeaturesContract {

    /** A projection's row: a column and a foreign key, which comes as an unloaded {@code Ref}. */
    public record ArticleRow(String title, Ref<TckAuthor> author) {
    }

    /** A group's row. */
    public record AuthorArticles(Ref<TckAuthor> author, long articles, String first) {
    }

    @Inject
    Query<TckAuthor> authors;

    @Inject
    Query<TckArticle> articles;

    @Inject
    Query<TckLabel> labels;

    @Inject
    Ferro ferro;

    @Inject
    Statements statements;

    @Inject
    Requests requests;

    /** Called first by each test (not a @BeforeEach: see InjectionContract), in a request of its own. */
    private long[] seed() {
        return requests.call(() -> ferro.transaction(() -> {
            articles.delete();
            labels.delete();
            authors.delete();
            TckAuthor ann = authors.create(new TckAuthor("ann"));
            TckAuthor bob = authors.create(new TckAuthor("bob"));
            TckLabel java = labels.create(new TckLabel("java"));
            TckLabel cdi = labels.create(new TckLabel("cdi"));
            labels.create(new TckLabel("jakarta"));
            TckArticle alpha = articles.create(new TckArticle("alpha", Ref.of(ann)));
            TckArticle beta = articles.create(new TckArticle("beta", Ref.of(ann)));
            articles.create(new TckArticle("gamma", Ref.of(bob)));
            articles.create(new TckArticle("delta", Ref.of(ann)));
            alpha.labels.add(java, cdi);
            beta.labels.add(java);
            return new long[] {ann.id, bob.id};
        }));
    }

    private static List<String> titles(Query<TckArticle> query) {
        return query.orderBy(TckArticle_.title.asc()).select(TckArticle_.title).list();
    }

    @Test
    void aProjectionReadsColumnsIntoARecord() {
        long[] ids = seed();

        List<ArticleRow> rows = articles.orderBy(TckArticle_.title.asc()).select(TckArticle_.title, TckArticle_.author)
                .as(ArticleRow.class).list();

        assertEquals(List.of("alpha", "beta", "delta", "gamma"), rows.stream().map(ArticleRow::title).toList());
        assertEquals(List.of(ids[0], ids[0], ids[0], ids[1]), rows.stream().map(row -> (Long) row.author().id()).toList());
        assertEquals("bob", rows.get(3).author().get().name);
    }

    @Test
    void groupsAreCountedFilteredAndSorted() {
        long[] ids = seed();

        List<AuthorArticles> groups = articles.groupBy(TckArticle_.author).having(count().ge(2L)).orderBy(count().desc())
                .select(TckArticle_.author, count(), min(TckArticle_.title)).as(AuthorArticles.class).list();

        assertEquals(1, groups.size());
        assertEquals(ids[0], (Long) groups.get(0).author().id());
        assertEquals(3, groups.get(0).articles());
        assertEquals("alpha", groups.get(0).first());
        assertEquals(2, articles.groupBy(TckArticle_.author).count());
        assertEquals(2, articles.countDistinct(TckArticle_.author));
        assertEquals("gamma", articles.max(TckArticle_.title).orElseThrow());
        assertEquals(List.of("delta", "gamma"),
                articles.groupBy(TckArticle_.author).orderBy(max(TckArticle_.title).asc()).select(max(TckArticle_.title)).list());
    }

    @Test
    void conditionsReachAcrossRelations() {
        seed();

        assertEquals(List.of("alpha", "beta", "delta"), titles(articles.where(TckArticle_.author.to(TckAuthor_.name).eq("ann"))));
        assertEquals(List.of("ann"), authors.where(TckAuthor_.articles.any(TckArticle_.labels.any(TckLabel_.name.eq("cdi"))))
                .select(TckAuthor_.name).list());
        assertEquals(List.of("bob"), authors.where(TckAuthor_.articles.count().eq(1)).select(TckAuthor_.name).list());
        assertEquals(List.of("jakarta"), labels.where(TckLabel_.articles.none()).select(TckLabel_.name).list());
        assertEquals(List.of("delta", "gamma"), titles(articles.where(TckArticle_.labels.none())));
        assertEquals(List.of("gamma"), titles(articles.where(Condition.not(TckArticle_.author.to(TckAuthor_.name).eq("ann")))));
        assertEquals(List.of("ANN"), List.of(authors.where(TckAuthor_.name.eqIgnoreCase("ANN")).one().name.toUpperCase()));
        assertEquals(List.of("gamma", "alpha", "beta", "delta"), articles
                .orderBy(TckArticle_.author.to(TckAuthor_.name).desc(), TckArticle_.title.asc()).select(TckArticle_.title).list());
    }

    @Test
    void aJoinReadsTheTargetsInTheRowsStatement() {
        seed();
        List<TckArticle> rows = new ArrayList<>();

        List<String> ran = statements.during(() -> rows.addAll(articles.join(TckArticle_.author).orderBy(TckArticle_.title.asc()).all()));
        List<String> after = statements.during(() -> rows.forEach(article -> article.author.get()));

        assertEquals(1, ran.size(), ran.toString());
        assertEquals(List.of(), after);
        assertEquals(List.of("ann", "ann", "ann", "bob"), rows.stream().map(article -> article.author.get().name).toList());
        assertTrue(rows.get(0).author.get() == rows.get(1).author.get(), "the request's instance of ann");
    }

    @Test
    void cursorPagesWalkEveryRowOnce() {
        seed();
        Query<TckArticle> byTitle = articles.orderBy(TckArticle_.title.desc());

        Page<TckArticle> first = byTitle.page(3);
        Page<TckArticle> second = byTitle.after(first.nextCursor()).page(3);
        Page<TckArticle> back = byTitle.before(second.previousCursor()).page(3);

        assertEquals(List.of("gamma", "delta", "beta"), first.items().stream().map(article -> article.title).toList());
        assertTrue(first.hasNext());
        assertFalse(first.hasPrevious());
        assertEquals(List.of("alpha"), second.items().stream().map(article -> article.title).toList());
        assertFalse(second.hasNext());
        assertNull(second.nextCursor());
        assertEquals(first.items().stream().map(article -> article.id).toList(), back.items().stream().map(article -> article.id).toList());
        assertThrows(InvalidQueryException.class, () -> byTitle.after("forged"));
    }
}
