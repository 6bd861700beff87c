package dev.ferro.bench.library;

import dev.ferro.Aggregate;
import dev.ferro.BooleanAttribute;
import dev.ferro.Ferro;
import dev.ferro.FerroOptions;
import dev.ferro.Model;
import dev.ferro.Page;
import dev.ferro.NumericAttribute;
import dev.ferro.TextAttribute;
import dev.ferro.Query;
import dev.ferro.bench.BenchSchema;
import dev.ferro.bench.DataSet;
import dev.ferro.bench.model.ferro.Author_;
import dev.ferro.bench.model.ferro.NewPerson;
import dev.ferro.bench.model.ferro.NewVersionedPerson;
import dev.ferro.bench.model.ferro.Person;
import dev.ferro.bench.model.ferro.Person_;
import dev.ferro.bench.model.ferro.Post;
import dev.ferro.bench.model.ferro.Post_;
import dev.ferro.bench.model.ferro.StreamRow;
import dev.ferro.bench.model.ferro.VersionedPerson;
import dev.ferro.bench.model.ferro.VersionedPerson_;

import javax.sql.DataSource;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Ferro on the shared pool ({@link Ferro#connect(DataSource, FerroOptions)}), outside any transaction. The person
 * workloads run on {@link People#PLAIN} (library {@code ferro}) or on the same models with a {@code @Version}
 * ({@link People#VERSIONED}, library {@code ferro-versioned}); the posts and the stream rows are the same for both.
 */
public final class FerroLibrary<P extends Person, N extends NewPerson> implements BenchLibrary {
    private final Ferro ferro;
    private final People<P, N> models;
    private final Query<P> people;
    private final Query<N> newPeople;
    private final Query<Post> posts;
    private final Query<StreamRow> streamRows;
    /** The cursor workload's: after the last row of page 49, found at the first call. */
    private String cursor;

    /**
     * The models of the insert, select, get and filter workloads, and what the code needs of them: the
     * new row's constructor, the filter's attributes and the projection's.
     */
    public record People<P extends Person, N extends NewPerson>(Class<P> person, Class<N> newPerson, NewRow<N> newRow,
                                                                NumericAttribute<P, Long> id, TextAttribute<P> username,
                                                                NumericAttribute<P, Integer> age,
                                                                NumericAttribute<P, Double> score, BooleanAttribute<P> active) {
        public static final People<Person, NewPerson> PLAIN = new People<>(Person.class, NewPerson.class, NewPerson::new,
                Person_.id, Person_.username, Person_.age, Person_.score, Person_.active);
        public static final People<VersionedPerson, NewVersionedPerson> VERSIONED = new People<>(VersionedPerson.class,
                NewVersionedPerson.class, NewVersionedPerson::new, VersionedPerson_.id, VersionedPerson_.username, VersionedPerson_.age,
                VersionedPerson_.score, VersionedPerson_.active);

        /** The insert workload's table. */
        public String insertTable() {
            return newPerson.getAnnotation(Model.class).table();
        }
    }

    /** {@link NewPerson}'s constructor, or its subclass's. */
    @FunctionalInterface
    public interface NewRow<N> {
        N of(String username, String email, int age, double score, boolean active, LocalDateTime createdAt);
    }

    public FerroLibrary(DataSource dataSource, People<P, N> models) {
        ferro = Ferro.connect(dataSource, FerroOptions.defaults().models(BenchSchema.ALL_FERRO_MODELS.toArray(Class<?>[]::new))
                .fetchSize(DataSet.FETCH_SIZE));
        this.models = models;
        people = ferro.query(models.person());
        newPeople = ferro.query(models.newPerson());
        posts = ferro.query(Post.class);
        streamRows = ferro.query(StreamRow.class);
    }

    @Override
    public List<N> insertPeople() {
        List<N> rows = new ArrayList<>(DataSet.PEOPLE);
        for (int i = 1; i <= DataSet.PEOPLE; i++) {
            rows.add(models.newRow().of(DataSet.username(i), DataSet.email(i), DataSet.age(i), DataSet.score(i),
                    DataSet.active(i), DataSet.createdAt(i)));
        }
        return newPeople.createAll(rows);
    }

    @Override
    public List<P> selectPeople() {
        return people.all();
    }

    @Override
    public List<AuthorPosts> postsPerAuthor() {
        return posts.groupBy(Post_.author).select(Post_.author, Aggregate.count()).as(AuthorPosts.class).list();
    }

    @Override
    public List<String> titlesByAuthorName(String name) {
        return posts.where(Post_.author.to(Author_.name).eq(name)).orderBy(Post_.id.asc()).select(Post_.title).list();
    }

    /** The cursor of the page before, found once by reading the pages up to it, as a client following the links would. */
    @Override
    public List<P> cursorPage() {
        Query<P> byScore = people.orderBy(models.score().desc());
        if (cursor == null) {
            Page<P> page = byScore.page(DataSet.CURSOR_PAGE_SIZE);
            for (int i = 2; i < DataSet.CURSOR_PAGE; i++) {
                page = byScore.after(page.nextCursor()).page(DataSet.CURSOR_PAGE_SIZE);
            }
            cursor = page.nextCursor();
        }
        return byScore.after(cursor).page(DataSet.CURSOR_PAGE_SIZE).items();
    }

    @Override
    public List<PersonSummary> projectPeople() {
        return people.select(models.id(), models.username(), models.age()).as(PersonSummary.class).list();
    }

    @Override
    public P getPerson(long id) {
        return people.get(id);
    }

    @Override
    public List<P> filterPeople(int minAge, int maxAge) {
        return people.where(models.age().between(minAge, maxAge).and(models.active().isTrue()))
                .orderBy(models.score().desc(), models.id().asc())
                .limit(DataSet.PAGE)
                .all();
    }

    /** The posts with their authors in one statement (a join), then the tags in a second (prefetch's IN lists). */
    @Override
    public List<Post> postsWithAuthorAndTags() {
        return posts.orderBy(Post_.id.asc()).join(Post_.author).prefetch(Post_.tags).all();
    }

    /** {@code Query.stream()}: a cursor on PostgreSQL, a fetch size of rows at a time. */
    @Override
    public StreamFold streamRows() {
        StreamTotals totals = new StreamTotals();
        try (Stream<StreamRow> rows = streamRows.stream()) {
            rows.forEach(row -> totals.add(row.id, row.label, row.amount, row.price));
        }
        return totals.fold();
    }

    @Override
    public PersonRow person(Object person) {
        Person p = (Person) person;
        return new PersonRow(p.id, p.username, p.email, p.age, p.score, p.active, p.createdAt);
    }

    @Override
    public PostRow post(Object post) {
        Post p = (Post) post;
        Set<String> tags = new LinkedHashSet<>();
        p.tags.all().forEach(tag -> tags.add(tag.name));
        return new PostRow(p.id, p.title, p.author.get().id, p.author.get().name, tags);
    }

    @Override
    public String insertTable() {
        return models.insertTable();
    }

    @Override
    public Long insertedId(Object inserted) {
        return ((NewPerson) inserted).id;
    }

    @Override
    public void close() {
        ferro.close();
    }
}
