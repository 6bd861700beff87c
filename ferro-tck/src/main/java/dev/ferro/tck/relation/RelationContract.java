package dev.ferro.tck.relation;

import dev.ferro.Ferro;
import dev.ferro.ForeignKeyViolationException;
import dev.ferro.Query;
import dev.ferro.Ref;
import dev.ferro.UniqueViolationException;
import dev.ferro.tck.model.TckArticle;
import dev.ferro.tck.model.TckArticle_;
import dev.ferro.tck.model.TckAuthor;
import dev.ferro.tck.model.TckAuthor_;
import dev.ferro.tck.model.TckLabel;
import dev.ferro.tck.support.Requests;
import dev.ferro.tck.support.Statements;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Relations in the container: a foreign key ({@link TckArticle#author}) and its reverse side
 * ({@link TckAuthor#articles}), a many-to-many ({@link TckArticle#labels}) and its reverse side
 * ({@link TckLabel#articles}). A {@code Ref} loads once, through the request's identity map; relations
 * still load after the transaction that read their owner has ended; {@code prefetch} loads in one query
 * per relation and the rows then answer without SQL; links are added and removed through injected beans;
 * {@code onDelete = CASCADE} is the database's.
 *
 * <p>Statements are counted by {@link Statements}, an application bean of type {@code SqlListener}: the
 * implementation tells every such bean about each statement, on the thread that ran it. Each test that
 * expects no statement also expects some before, so an implementation that never calls the listener fails.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class RelationContract {

    /** An application service that labels articles, as a user would write it. */
    @ApplicationScoped
    public static class Newsroom {
        @Inject
        Query<TckArticle> articles;

        @Inject
        Query<TckLabel> labels;

        public void label(long article, long... labelIds) {
            articles.get(article).labels.add(labels(labelIds));
        }

        public void unlabel(long article, long... labelIds) {
            articles.get(article).labels.remove(labels(labelIds));
        }

        public void clearLabels(long article) {
            articles.get(article).labels.clear();
        }

        public void relabel(long article, long... labelIds) {
            articles.get(article).labels.set(List.of(labels(labelIds)));
        }

        private TckLabel[] labels(long... ids) {
            TckLabel[] found = new TckLabel[ids.length];
            for (int i = 0; i < ids.length; i++) {
                found[i] = labels.get(ids[i]);
            }
            return found;
        }
    }

    /** The ids of the rows {@link #seed()} writes. */
    public record Seed(long ann, long bob, long alpha, long beta, long gamma, long java, long cdi, long jakarta) {
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
    Newsroom newsroom;

    @Inject
    Statements statements;

    @Inject
    Requests requests;

    /**
     * Called first by each test (not a @BeforeEach: see InjectionContract), in a request of its own so that the
     * test's request starts with an empty identity map: ann wrote alpha (labels java, cdi) and beta (java); bob
     * wrote gamma (no label); jakarta labels nothing.
     */
    private Seed seed() {
        return requests.call(() -> ferro.transaction(() -> {
            articles.delete();
            labels.delete();
            authors.delete();
            TckAuthor ann = authors.create(new TckAuthor("ann"));
            TckAuthor bob = authors.create(new TckAuthor("bob"));
            TckLabel java = labels.create(new TckLabel("java"));
            TckLabel cdi = labels.create(new TckLabel("cdi"));
            TckLabel jakarta = labels.create(new TckLabel("jakarta"));
            TckArticle alpha = articles.create(new TckArticle("alpha", Ref.of(ann)));
            TckArticle beta = articles.create(new TckArticle("beta", Ref.of(ann)));
            TckArticle gamma = articles.create(new TckArticle("gamma", Ref.of(bob)));
            alpha.labels.add(java, cdi);
            beta.labels.add(java);
            return new Seed(ann.id, bob.id, alpha.id, beta.id, gamma.id, java.id, cdi.id, jakarta.id);
        }));
    }

    private static List<String> titles(List<TckArticle> rows) {
        return rows.stream().map(article -> article.title).sorted().toList();
    }

    private static List<String> names(List<TckLabel> rows) {
        return rows.stream().map(label -> label.name).sorted().toList();
    }

    /** The labels of an article as another request reads them from the database. */
    private List<String> storedLabels(long article) {
        return requests.call(() -> names(articles.get(article).labels.all()));
    }

    /** The articles of a label as another request reads them from the database (the reverse side). */
    private List<String> storedArticles(long label) {
        return requests.call(() -> titles(labels.get(label).articles.all()));
    }

    private <T> T single(List<String> ran, Supplier<T> work) {
        List<T> result = new ArrayList<>();
        ran.addAll(statements.during(() -> result.add(work.get())));
        return result.get(0);
    }

    // ---------------------------------------------------------------- lazy loading in a request

    @Test
    void aRefLoadsItsTargetOnceAndItIsTheRequestsInstanceForThatKey() {
        Seed seed = seed();
        TckArticle alpha = articles.get(seed.alpha());
        assertFalse(alpha.author.isLoaded());
        Long authorId = alpha.author.id();
        assertEquals(seed.ann(), authorId, "the key, without a query");

        List<String> firstLoad = new ArrayList<>();
        TckAuthor author = single(firstLoad, () -> alpha.author.get());
        List<String> later = new ArrayList<>();
        TckAuthor again = single(later, () -> alpha.author.get());
        TckAuthor byKey = single(later, () -> authors.get(seed.ann()));

        assertEquals("ann", author.name);
        assertEquals(1, firstLoad.size(), "one statement loads the author: " + firstLoad);
        assertTrue(alpha.author.isLoaded());
        assertSame(author, again);
        assertSame(author, byKey, "the request's identity map holds the loaded author");
        assertEquals(List.of(), later, "neither the second get() nor authors.get(id) runs SQL");
    }

    @Test
    void aRefWhoseTargetTheRequestHoldsAlreadyAnswersWithThatInstanceWithoutSql() {
        Seed seed = seed();
        List<String> ran = new ArrayList<>();
        TckAuthor ann = single(ran, () -> authors.get(seed.ann()));
        TckArticle beta = single(ran, () -> articles.get(seed.beta()));
        assertEquals(2, ran.size(), "one statement per get: " + ran);

        List<String> load = new ArrayList<>();
        TckAuthor author = single(load, () -> beta.author.get());

        assertSame(ann, author);
        assertEquals(List.of(), load);
    }

    @Test
    void theReverseSideOfAForeignKeyListsTheRowsPointingHereAndIsAQuery() {
        Seed seed = seed();
        TckAuthor ann = authors.get(seed.ann());

        assertEquals(List.of("alpha", "beta"), titles(ann.articles.all()));
        assertEquals(2, ann.articles.count());
        assertEquals(List.of("beta"), titles(ann.articles.where(TckArticle_.title.eq("beta")).all()));
        assertFalse(ann.articles.isLoaded(), "not prefetched: each call asks the database");
        assertEquals(List.of("gamma"), titles(authors.get(seed.bob()).articles.all()));
        assertSame(articles.get(seed.alpha()), ann.articles.where(TckArticle_.title.eq("alpha")).one(),
                "rows of a relation come from the request's identity map too");
    }

    // ---------------------------------------------------------------- after the transaction

    @Test
    void relationsOfAModelReadInATransactionStillLoadAfterItEnded() {
        Seed seed = seed();
        TckArticle alpha = ferro.transaction(() -> articles.get(seed.alpha()));
        assertFalse(ferro.inTransaction());

        TckAuthor author = alpha.author.get();

        assertEquals("ann", author.name);
        assertEquals(seed.ann(), author.id);
        assertEquals(List.of("alpha", "beta"), titles(author.articles.all()));
        assertEquals(List.of("cdi", "java"), names(alpha.labels.all()));
        assertEquals(List.of("alpha"), titles(labels.get(seed.cdi()).articles.all()));
    }

    @Test
    void relationsLoadAfterTheTransactionEvenWhereNoRequestIsActive() {
        Seed seed = seed();

        List<String> seen = Requests.join(requests.startWithoutRequest(() -> {
            TckArticle beta = ferro.transaction(() -> articles.get(seed.beta()));
            TckAuthor author = beta.author.get();
            List<String> values = new ArrayList<>();
            values.add(author.name);
            values.addAll(titles(author.articles.all()));
            values.addAll(names(beta.labels.all()));
            return values;
        }));

        assertEquals(List.of("ann", "alpha", "beta", "java"), seen);
    }

    // ---------------------------------------------------------------- prefetch

    @Test
    void prefetchLoadsEachRelationInOneQueryAndTheRowsThenAnswerWithoutSql() {
        Seed seed = seed();
        List<String> fetch = new ArrayList<>();
        List<TckArticle> all = single(fetch, () -> articles.prefetch(TckArticle_.author, TckArticle_.labels)
                .orderBy(TckArticle_.title.asc()).all());
        assertEquals(3, fetch.size(), "the articles, their authors, their labels: " + fetch);

        List<String> read = new ArrayList<>();
        List<String> seen = single(read, () -> {
            List<String> values = new ArrayList<>();
            for (TckArticle article : all) {
                values.add(article.title + " by " + article.author.get().name + " " + names(article.labels.all()));
            }
            return values;
        });

        assertEquals(List.of("alpha by ann [cdi, java]", "beta by ann [java]", "gamma by bob []"), seen);
        assertEquals(List.of(), read, "the prefetched rows answer from memory");
        for (TckArticle article : all) {
            assertTrue(article.author.isLoaded(), article + " author");
            assertTrue(article.labels.isLoaded(), article + " labels");
        }
        assertSame(all.get(0).author.get(), all.get(1).author.get(), "one author instance for both of ann's articles");
        assertSame(authors.get(seed.ann()), all.get(0).author.get());
    }

    @Test
    void prefetchOfTheReverseSideFillsEveryOwnersRowsInOneQuery() {
        seed();
        List<String> fetch = new ArrayList<>();
        List<TckAuthor> all = single(fetch, () -> authors.prefetch(TckAuthor_.articles).orderBy(TckAuthor_.name.asc()).all());
        assertEquals(2, fetch.size(), "the authors, then their articles: " + fetch);

        List<String> read = new ArrayList<>();
        List<List<String>> seen = single(read, () -> all.stream().map(author -> titles(author.articles.all())).toList());

        assertEquals(List.of(List.of("alpha", "beta"), List.of("gamma")), seen);
        assertEquals(List.of(), read);
    }

    // ---------------------------------------------------------------- many-to-many through beans

    @Test
    void linksAreAddedAndRemovedThroughAnInjectedBean() {
        Seed seed = seed();

        newsroom.label(seed.gamma(), seed.java(), seed.jakarta());
        assertEquals(List.of("jakarta", "java"), storedLabels(seed.gamma()));
        assertEquals(List.of("alpha", "beta", "gamma"), storedArticles(seed.java()));

        newsroom.unlabel(seed.gamma(), seed.java());
        assertEquals(List.of("jakarta"), storedLabels(seed.gamma()));
        assertEquals(List.of("alpha", "beta"), storedArticles(seed.java()));

        newsroom.unlabel(seed.gamma(), seed.cdi());
        assertEquals(List.of("jakarta"), storedLabels(seed.gamma()), "removing a link that does not exist changes nothing");
    }

    @Test
    void clearRemovesEveryLinkOfTheOwnerAndKeepsTheRows() {
        Seed seed = seed();

        newsroom.clearLabels(seed.alpha());

        assertEquals(List.of(), storedLabels(seed.alpha()));
        assertEquals(List.of("java"), storedLabels(seed.beta()), "other articles keep their links");
        assertEquals(3, requests.call(labels::count), "the labels stay");
        assertEquals(List.of("beta"), storedArticles(seed.java()));
    }

    @Test
    void setReplacesTheLinksWithExactlyTheseModels() {
        Seed seed = seed();

        newsroom.relabel(seed.alpha(), seed.cdi(), seed.jakarta());

        assertEquals(List.of("cdi", "jakarta"), storedLabels(seed.alpha()));
        assertEquals(List.of("beta"), storedArticles(seed.java()));
        assertEquals(List.of("alpha"), storedArticles(seed.jakarta()));
    }

    @Test
    void addingALinkThatExistsFailsAndKeepsNoLinkOfTheCall() {
        Seed seed = seed();

        assertThrows(UniqueViolationException.class, () -> newsroom.label(seed.alpha(), seed.jakarta(), seed.java()));

        assertEquals(List.of("cdi", "java"), storedLabels(seed.alpha()));
        assertEquals(List.of(), storedArticles(seed.jakarta()));
    }

    @Test
    void aLinkAddedInTheRequestIsSeenByTheReverseSide() {
        Seed seed = seed();
        TckArticle gamma = articles.get(seed.gamma());
        TckLabel cdi = labels.get(seed.cdi());

        gamma.labels.add(cdi);

        assertEquals(List.of("alpha", "gamma"), titles(cdi.articles.all()));
        assertEquals(List.of("cdi"), names(gamma.labels.all()));
    }

    // ---------------------------------------------------------------- foreign keys in the database

    @Test
    void deletingAnAuthorDeletesItsArticlesAndTheirLinks() {
        Seed seed = seed();

        ferro.delete(authors.get(seed.ann()));

        assertEquals(List.of("gamma"), requests.call(() -> titles(articles.all())));
        assertEquals(List.of(), storedArticles(seed.java()));
        assertEquals(List.of(), storedArticles(seed.cdi()));
        assertEquals(3, requests.call(labels::count), "the labels stay");
        assertEquals(0L, ((Number) requests.call(() -> ferro.fetchOne("SELECT COUNT(*) AS n FROM tck_article_labels")
                .orElseThrow().get("n"))).longValue(), "no link is left");
    }

    @Test
    void theDatabaseItselfCascadesADeleteWrittenInPlainSql() {
        Seed seed = seed();

        int deleted = ferro.execute("DELETE FROM tck_author WHERE id = ?", seed.ann());

        assertEquals(1, deleted);
        assertEquals(List.of("gamma"), requests.call(() -> titles(articles.all())));
        assertEquals(List.of(), storedArticles(seed.java()));
    }

    @Test
    void aForeignKeyToAMissingRowIsRefusedAndNothingIsWritten() {
        Seed seed = seed();
        long missing = seed.ann() + seed.bob() + 1000;

        assertThrows(ForeignKeyViolationException.class,
                () -> articles.create(new TckArticle("orphan", Ref.ofId(missing))));

        assertEquals(List.of("alpha", "beta", "gamma"), requests.call(() -> titles(articles.all())));
    }
}
