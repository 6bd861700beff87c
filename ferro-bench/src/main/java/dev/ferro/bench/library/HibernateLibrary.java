package dev.ferro.bench.library;

import dev.ferro.bench.DataSet;
import dev.ferro.bench.model.jpa.AuthorEntity;
import dev.ferro.bench.model.jpa.NewPersonEntity;
import dev.ferro.bench.model.jpa.PersonEntity;
import dev.ferro.bench.model.jpa.PostEntity;
import dev.ferro.bench.model.jpa.TagEntity;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Hibernate ORM on the shared pool: one session per operation (as per request), JDBC batching on
 * (a batch as large as the insert, inserts ordered), entities read into the session as usual, the
 * posts' author and tags by {@code join fetch}. The schema is the benchmark's: no DDL from Hibernate.
 */
public final class HibernateLibrary implements BenchLibrary {
    private final SessionFactory sessions;

    public HibernateLibrary(DataSource dataSource) {
        Configuration configuration = new Configuration()
                .addAnnotatedClass(PersonEntity.class)
                .addAnnotatedClass(NewPersonEntity.class)
                .addAnnotatedClass(AuthorEntity.class)
                .addAnnotatedClass(TagEntity.class)
                .addAnnotatedClass(PostEntity.class)
                .setProperty(AvailableSettings.STATEMENT_BATCH_SIZE, String.valueOf(DataSet.PEOPLE))
                .setProperty(AvailableSettings.ORDER_INSERTS, "true")
                .setProperty(AvailableSettings.HBM2DDL_AUTO, "none");
        configuration.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
        sessions = configuration.buildSessionFactory();
    }

    @Override
    public List<NewPersonEntity> insertPeople() {
        List<NewPersonEntity> people = new ArrayList<>(DataSet.PEOPLE);
        for (int i = 1; i <= DataSet.PEOPLE; i++) {
            people.add(new NewPersonEntity(DataSet.username(i), DataSet.email(i), DataSet.age(i), DataSet.score(i),
                    DataSet.active(i), DataSet.createdAt(i)));
        }
        sessions.inTransaction(session -> people.forEach(session::persist));
        return people;
    }

    @Override
    public List<AuthorPosts> postsPerAuthor() {
        return sessions.fromSession(session -> session.createSelectionQuery(
                "select new dev.ferro.bench.library.AuthorPosts(p.author.id, count(p)) from PostEntity p group by p.author.id",
                AuthorPosts.class).getResultList());
    }

    @Override
    public List<String> titlesByAuthorName(String name) {
        return sessions.fromSession(session -> session.createSelectionQuery(
                "select p.title from PostEntity p where p.author.name = :name order by p.id", String.class)
                .setParameter("name", name).getResultList());
    }

    @Override
    public List<PersonEntity> cursorPage() {
        int row = RawJdbcLibrary.CURSOR_ROW;
        return sessions.fromSession(session -> session.createSelectionQuery(
                        "from PersonEntity p where p.score < :score or (p.score = :score and p.id > :id) order by p.score desc, p.id",
                        PersonEntity.class)
                .setParameter("score", DataSet.score(row))
                .setParameter("id", (long) row)
                .setMaxResults(DataSet.CURSOR_PAGE_SIZE)
                .getResultList());
    }

    @Override
    public List<PersonSummary> projectPeople() {
        return sessions.fromSession(session -> session.createSelectionQuery(
                "select new dev.ferro.bench.library.PersonSummary(p.id, p.username, p.age) from PersonEntity p",
                PersonSummary.class).getResultList());
    }

    @Override
    public List<PersonEntity> selectPeople() {
        return sessions.fromSession(session -> session.createSelectionQuery("from PersonEntity", PersonEntity.class).getResultList());
    }

    @Override
    public PersonEntity getPerson(long id) {
        return sessions.fromSession(session -> session.find(PersonEntity.class, id));
    }

    @Override
    public List<PersonEntity> filterPeople(int minAge, int maxAge) {
        return sessions.fromSession(session -> session.createSelectionQuery(
                        "from PersonEntity p where p.age between :minAge and :maxAge and p.active = true"
                                + " order by p.score desc, p.id", PersonEntity.class)
                .setParameter("minAge", minAge)
                .setParameter("maxAge", maxAge)
                .setMaxResults(DataSet.PAGE)
                .getResultList());
    }

    /** Eager loading with {@code join fetch}: one query, the author and the tags joined. */
    @Override
    public List<PostEntity> postsWithAuthorAndTags() {
        return sessions.fromSession(session -> session.createSelectionQuery(
                "from PostEntity p join fetch p.author left join fetch p.tags order by p.id", PostEntity.class).getResultList());
    }

    @Override
    public PersonRow person(Object person) {
        PersonEntity p = (PersonEntity) person;
        return new PersonRow(p.id, p.username, p.email, p.age, p.score, p.active, p.createdAt);
    }

    @Override
    public PostRow post(Object post) {
        PostEntity p = (PostEntity) post;
        Set<String> tags = new LinkedHashSet<>();
        p.tags.forEach(tag -> tags.add(tag.name));
        return new PostRow(p.id, p.title, p.author.id, p.author.name, tags);
    }

    @Override
    public Long insertedId(Object inserted) {
        return ((NewPersonEntity) inserted).id;
    }

    @Override
    public void close() {
        sessions.close();
    }
}
