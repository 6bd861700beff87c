package dev.ferro.bench.library;

import dev.ferro.bench.DataSet;
import dev.ferro.bench.model.plain.Author;
import dev.ferro.bench.model.plain.Person;
import dev.ferro.bench.model.plain.Post;
import dev.ferro.bench.model.plain.Tag;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.FieldMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jdbi 3 core: reflective field mapping ({@link FieldMapper}, snake_case columns to camelCase fields),
 * a prepared batch that returns generated keys, and a join reduced into posts for eager loading.
 */
public final class JdbiLibrary implements BenchLibrary {
    private static final String INSERT = "INSERT INTO bench_person_insert (username, email, age, score, active, created_at)"
            + " VALUES (:username, :email, :age, :score, :active, :createdAt)";
    private static final String SELECT_ALL = "SELECT " + RawJdbcLibrary.PERSON_COLUMNS + " FROM bench_person";
    private static final String GET = SELECT_ALL + " WHERE id = ?";
    private static final String FILTER = SELECT_ALL
            + " WHERE age BETWEEN ? AND ? AND active = TRUE ORDER BY score DESC, id LIMIT " + DataSet.PAGE;
    private static final String POSTS = "SELECT p.id p_id, p.title p_title, a.id a_id, a.name a_name, t.id t_id, t.name t_name"
            + " FROM bench_post p JOIN bench_author a ON a.id = p.author_id"
            + " LEFT JOIN bench_post_tags pt ON pt.bench_post_id = p.id LEFT JOIN bench_tag t ON t.id = pt.bench_tag_id"
            + " ORDER BY p.id, t.id";

    private final Jdbi jdbi;

    public JdbiLibrary(DataSource dataSource) {
        jdbi = Jdbi.create(dataSource);
        jdbi.registerRowMapper(FieldMapper.factory(Person.class));
    }

    @Override
    public List<Person> insertPeople() {
        List<Person> people = new ArrayList<>(DataSet.PEOPLE);
        for (int i = 1; i <= DataSet.PEOPLE; i++) {
            people.add(new Person(null, DataSet.username(i), DataSet.email(i), DataSet.age(i), DataSet.score(i),
                    DataSet.active(i), DataSet.createdAt(i)));
        }
        jdbi.useTransaction(handle -> {
            PreparedBatch batch = handle.prepareBatch(INSERT);
            for (Person person : people) {
                batch.bind("username", person.username)
                        .bind("email", person.email)
                        .bind("age", person.age)
                        .bind("score", person.score)
                        .bind("active", person.active)
                        .bind("createdAt", person.createdAt)
                        .add();
            }
            List<Long> ids = batch.executePreparedBatch("id").mapTo(Long.class).list();
            for (int i = 0; i < ids.size(); i++) {
                people.get(i).id = ids.get(i);
            }
        });
        return people;
    }

    @Override
    public List<AuthorPosts> postsPerAuthor() {
        return jdbi.withHandle(handle -> handle.createQuery(RawJdbcLibrary.REPORT)
                .map((rows, context) -> new AuthorPosts(rows.getLong(1), rows.getLong(2)))
                .list());
    }

    @Override
    public List<String> titlesByAuthorName(String name) {
        return jdbi.withHandle(handle -> handle.createQuery(RawJdbcLibrary.PATH).bind(0, name).mapTo(String.class).list());
    }

    @Override
    public List<Person> cursorPage() {
        int row = RawJdbcLibrary.CURSOR_ROW;
        return jdbi.withHandle(handle -> handle.createQuery(RawJdbcLibrary.CURSOR).bind(0, DataSet.score(row))
                .bind(1, DataSet.score(row)).bind(2, (long) row).mapTo(Person.class).list());
    }

    @Override
    public List<PersonSummary> projectPeople() {
        return jdbi.withHandle(handle -> handle.createQuery(RawJdbcLibrary.PROJECT)
                .map((rows, context) -> new PersonSummary(rows.getLong("id"), rows.getString("username"), rows.getInt("age")))
                .list());
    }

    @Override
    public List<Person> selectPeople() {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT_ALL).mapTo(Person.class).list());
    }

    @Override
    public Person getPerson(long id) {
        return jdbi.withHandle(handle -> handle.createQuery(GET).bind(0, id).mapTo(Person.class).one());
    }

    @Override
    public List<Person> filterPeople(int minAge, int maxAge) {
        return jdbi.withHandle(handle -> handle.createQuery(FILTER).bind(0, minAge).bind(1, maxAge).mapTo(Person.class).list());
    }

    /** Eager loading the Jdbi way: one join, reduced into posts ({@code reduceRows}). */
    @Override
    public List<Post> postsWithAuthorAndTags() {
        return jdbi.withHandle(handle -> {
            Map<Long, Author> authors = new HashMap<>();
            Map<Long, Tag> tags = new HashMap<>();
            return handle.createQuery(POSTS).reduceRows(new LinkedHashMap<Long, Post>(), (posts, row) -> {
                Post post = posts.computeIfAbsent(row.getColumn("p_id", Long.class), id -> {
                    Post created = new Post();
                    created.id = id;
                    created.title = row.getColumn("p_title", String.class);
                    created.author = authors.computeIfAbsent(row.getColumn("a_id", Long.class),
                            authorId -> new Author(authorId, row.getColumn("a_name", String.class)));
                    return created;
                });
                Long tagId = row.getColumn("t_id", Long.class);
                if (tagId != null) {
                    post.tags.add(tags.computeIfAbsent(tagId, key -> new Tag(key, row.getColumn("t_name", String.class))));
                }
                return posts;
            }).values().stream().toList();
        });
    }

    @Override
    public PersonRow person(Object person) {
        return RawJdbcLibrary.row((Person) person);
    }

    @Override
    public PostRow post(Object post) {
        return RawJdbcLibrary.row((Post) post);
    }

    @Override
    public Long insertedId(Object inserted) {
        return ((Person) inserted).id;
    }

    @Override
    public void close() {
        // Jdbi holds nothing beyond the pool, which belongs to the benchmark.
    }
}
