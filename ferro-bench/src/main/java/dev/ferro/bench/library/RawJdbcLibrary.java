package dev.ferro.bench.library;

import dev.ferro.bench.DataSet;
import dev.ferro.bench.model.plain.Author;
import dev.ferro.bench.model.plain.Person;
import dev.ferro.bench.model.plain.Post;
import dev.ferro.bench.model.plain.StreamRow;
import dev.ferro.bench.model.plain.Tag;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The baseline: hand-written JDBC doing the same work as the libraries (generated ids read back,
 * rows mapped into objects, a post's author and tags in three queries), and nothing more.
 */
public final class RawJdbcLibrary implements BenchLibrary {
    static final String PERSON_COLUMNS = "id, username, email, age, score, active, created_at";
    private static final String INSERT =
            "INSERT INTO bench_person_insert (username, email, age, score, active, created_at) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String SELECT_ALL = "SELECT " + PERSON_COLUMNS + " FROM bench_person";
    static final String PROJECT = "SELECT id, username, age FROM bench_person";
    /** The report workload's GROUP BY, which the peers that take SQL run as it is. */
    static final String REPORT = "SELECT author_id, COUNT(*) FROM bench_post GROUP BY author_id";
    static final String PATH = "SELECT p.title FROM bench_post p JOIN bench_author a ON a.id = p.author_id WHERE a.name = ?"
            + " ORDER BY p.id";
    /** Keyset paging after the row (score, id) given twice: score, score, id. */
    static final String CURSOR = "SELECT " + PERSON_COLUMNS + " FROM bench_person WHERE score < ? OR (score = ? AND id > ?)"
            + " ORDER BY score DESC, id LIMIT " + DataSet.CURSOR_PAGE_SIZE;
    /** The row before page 50 of the cursor workload: its score and id, the keyset values every library uses. */
    static final int CURSOR_ROW = DataSet.byScoreDescending().get((DataSet.CURSOR_PAGE - 1) * DataSet.CURSOR_PAGE_SIZE - 1);
    private static final String GET = SELECT_ALL + " WHERE id = ?";
    private static final String FILTER = SELECT_ALL
            + " WHERE age BETWEEN ? AND ? AND active = TRUE ORDER BY score DESC, id LIMIT " + DataSet.PAGE;

    private static final String STREAM = "SELECT id, label, amount, price FROM bench_stream_row";

    private final DataSource dataSource;

    public RawJdbcLibrary(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<Person> insertPeople() {
        List<Person> people = new ArrayList<>(DataSet.PEOPLE);
        for (int i = 1; i <= DataSet.PEOPLE; i++) {
            people.add(new Person(null, DataSet.username(i), DataSet.email(i), DataSet.age(i), DataSet.score(i),
                    DataSet.active(i), DataSet.createdAt(i)));
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT, new String[] {"id"})) {
                for (Person person : people) {
                    insert.setString(1, person.username);
                    insert.setString(2, person.email);
                    insert.setInt(3, person.age);
                    insert.setDouble(4, person.score);
                    insert.setBoolean(5, person.active);
                    insert.setObject(6, person.createdAt);
                    insert.addBatch();
                }
                insert.executeBatch();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    int i = 0;
                    while (keys.next()) {
                        people.get(i++).id = keys.getLong(1);
                    }
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return people;
    }

    @Override
    public List<AuthorPosts> postsPerAuthor() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(REPORT);
             ResultSet rows = select.executeQuery()) {
            List<AuthorPosts> report = new ArrayList<>();
            while (rows.next()) {
                report.add(new AuthorPosts(rows.getLong(1), rows.getLong(2)));
            }
            return report;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<String> titlesByAuthorName(String name) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(PATH)) {
            select.setString(1, name);
            try (ResultSet rows = select.executeQuery()) {
                List<String> titles = new ArrayList<>();
                while (rows.next()) {
                    titles.add(rows.getString(1));
                }
                return titles;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<Person> cursorPage() {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(CURSOR)) {
            select.setDouble(1, DataSet.score(CURSOR_ROW));
            select.setDouble(2, DataSet.score(CURSOR_ROW));
            select.setLong(3, CURSOR_ROW);
            try (ResultSet rows = select.executeQuery()) {
                List<Person> people = new ArrayList<>(DataSet.CURSOR_PAGE_SIZE);
                while (rows.next()) {
                    people.add(person(rows));
                }
                return people;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<PersonSummary> projectPeople() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(PROJECT);
             ResultSet rows = select.executeQuery()) {
            List<PersonSummary> people = new ArrayList<>();
            while (rows.next()) {
                people.add(new PersonSummary(rows.getLong(1), rows.getString(2), rows.getInt(3)));
            }
            return people;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<Person> selectPeople() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(SELECT_ALL);
             ResultSet rows = select.executeQuery()) {
            List<Person> people = new ArrayList<>();
            while (rows.next()) {
                people.add(person(rows));
            }
            return people;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Person getPerson(long id) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(GET)) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("No person " + id);
                }
                return person(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<Person> filterPeople(int minAge, int maxAge) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(FILTER)) {
            select.setInt(1, minAge);
            select.setInt(2, maxAge);
            try (ResultSet rows = select.executeQuery()) {
                List<Person> people = new ArrayList<>(DataSet.PAGE);
                while (rows.next()) {
                    people.add(person(rows));
                }
                return people;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Three queries: the posts, their authors by id, their tags through the join table. */
    @Override
    public List<Post> postsWithAuthorAndTags() {
        try (Connection connection = dataSource.getConnection()) {
            List<Post> posts = new ArrayList<>();
            Map<Long, Post> postsById = new HashMap<>();
            Map<Long, List<Post>> postsByAuthor = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, title, author_id FROM bench_post ORDER BY id");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Post post = new Post();
                    post.id = rows.getLong(1);
                    post.title = rows.getString(2);
                    posts.add(post);
                    postsById.put(post.id, post);
                    postsByAuthor.computeIfAbsent(rows.getLong(3), key -> new ArrayList<>()).add(post);
                }
            }
            if (posts.isEmpty()) {
                return posts;
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, name FROM bench_author WHERE id IN (" + placeholders(postsByAuthor.size()) + ")")) {
                bindIds(select, postsByAuthor.keySet());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Author author = new Author(rows.getLong(1), rows.getString(2));
                        for (Post post : postsByAuthor.get(author.id)) {
                            post.author = author;
                        }
                    }
                }
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT pt.bench_post_id, t.id, t.name FROM bench_post_tags pt JOIN bench_tag t ON t.id = pt.bench_tag_id"
                            + " WHERE pt.bench_post_id IN (" + placeholders(postsById.size()) + ") ORDER BY t.id")) {
                bindIds(select, postsById.keySet());
                Map<Long, Tag> tags = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        long tagId = rows.getLong(2);
                        Tag tag = tags.get(tagId);
                        if (tag == null) {
                            tag = new Tag(tagId, rows.getString(3));
                            tags.put(tagId, tag);
                        }
                        postsById.get(rows.getLong(1)).tags.add(tag);
                    }
                }
            }
            return posts;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The rows a fetch size at a time: pgjdbc reads through a cursor only outside autocommit, so the
     * stream runs in a read transaction of its own (as Ferro's does); H2 takes the hint as it can.
     */
    @Override
    public StreamFold streamRows() {
        StreamTotals totals = new StreamTotals();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement(STREAM)) {
                select.setFetchSize(DataSet.FETCH_SIZE);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        StreamRow row = new StreamRow(rows.getLong(1), rows.getString(2), rows.getInt(3), rows.getDouble(4));
                        totals.add(row.id, row.label, row.amount, row.price);
                    }
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return totals.fold();
    }

    private static Person person(ResultSet rows) throws SQLException {
        return new Person(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getInt(4), rows.getDouble(5),
                rows.getBoolean(6), rows.getObject(7, LocalDateTime.class));
    }

    private static String placeholders(int count) {
        StringBuilder text = new StringBuilder(count * 3);
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "?" : ", ?");
        }
        return text.toString();
    }

    private static void bindIds(PreparedStatement statement, Collection<Long> ids) throws SQLException {
        int index = 1;
        for (Long id : ids) {
            statement.setLong(index++, id);
        }
    }

    @Override
    public PersonRow person(Object person) {
        return row((Person) person);
    }

    static PersonRow row(Person p) {
        return new PersonRow(p.id, p.username, p.email, p.age, p.score, p.active, p.createdAt);
    }

    @Override
    public PostRow post(Object post) {
        return row((Post) post);
    }

    static PostRow row(Post p) {
        Set<String> tags = p.tags.stream().map(tag -> tag.name).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        return new PostRow(p.id, p.title, p.author.id, p.author.name, tags);
    }

    @Override
    public Long insertedId(Object inserted) {
        return ((Person) inserted).id;
    }

    @Override
    public void close() {
        // The pool belongs to the benchmark.
    }
}
