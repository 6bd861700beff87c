package dev.ferro.bench.library;

import dev.ferro.Ferro;
import dev.ferro.FerroOptions;
import dev.ferro.Query;
import dev.ferro.bench.BenchSchema;
import dev.ferro.bench.DataSet;
import dev.ferro.bench.model.ferro.NewPerson;
import dev.ferro.bench.model.ferro.Person;
import dev.ferro.bench.model.ferro.Person_;
import dev.ferro.bench.model.ferro.Post;
import dev.ferro.bench.model.ferro.Post_;
import dev.ferro.bench.model.ferro.StreamRow;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Ferro on the shared pool ({@link Ferro#connect(DataSource, FerroOptions)}), outside any transaction. */
public final class FerroLibrary implements BenchLibrary {
    private final Ferro ferro;
    private final Query<Person> people;
    private final Query<NewPerson> newPeople;
    private final Query<Post> posts;
    private final Query<StreamRow> streamRows;

    public FerroLibrary(DataSource dataSource) {
        ferro = Ferro.connect(dataSource, FerroOptions.defaults().models(BenchSchema.ALL_FERRO_MODELS.toArray(Class<?>[]::new))
                .fetchSize(DataSet.FETCH_SIZE));
        people = ferro.query(Person.class);
        newPeople = ferro.query(NewPerson.class);
        posts = ferro.query(Post.class);
        streamRows = ferro.query(StreamRow.class);
    }

    @Override
    public List<NewPerson> insertPeople() {
        List<NewPerson> rows = new ArrayList<>(DataSet.PEOPLE);
        for (int i = 1; i <= DataSet.PEOPLE; i++) {
            rows.add(new NewPerson(DataSet.username(i), DataSet.email(i), DataSet.age(i), DataSet.score(i),
                    DataSet.active(i), DataSet.createdAt(i)));
        }
        return newPeople.createAll(rows);
    }

    @Override
    public List<Person> selectPeople() {
        return people.all();
    }

    @Override
    public Person getPerson(long id) {
        return people.get(id);
    }

    @Override
    public List<Person> filterPeople(int minAge, int maxAge) {
        return people.where(Person_.age.between(minAge, maxAge).and(Person_.active.isTrue()))
                .orderBy(Person_.score.desc(), Person_.id.asc())
                .limit(DataSet.PAGE)
                .all();
    }

    /** Prefetch: the posts, then one query per relation. */
    @Override
    public List<Post> postsWithAuthorAndTags() {
        return posts.orderBy(Post_.id.asc()).prefetch(Post_.author, Post_.tags).all();
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
    public Long insertedId(Object inserted) {
        return ((NewPerson) inserted).id;
    }

    @Override
    public void close() {
        ferro.close();
    }
}
