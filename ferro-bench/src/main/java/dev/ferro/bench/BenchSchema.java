package dev.ferro.bench;

import dev.ferro.Ferro;
import dev.ferro.FerroOptions;
import dev.ferro.bench.model.ferro.Author;
import dev.ferro.bench.model.ferro.NewPerson;
import dev.ferro.bench.model.ferro.NewVersionedPerson;
import dev.ferro.bench.model.ferro.Person;
import dev.ferro.bench.model.ferro.Post;
import dev.ferro.bench.model.ferro.StreamRow;
import dev.ferro.bench.model.ferro.Tag;
import dev.ferro.bench.model.ferro.VersionedPerson;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The one schema every library uses: Ferro's DDL for the bench models (created by Ferro's schema
 * step), plus a sequence that only Hibernate's batched inserts draw from. Loads {@link DataSet}.
 */
public final class BenchSchema {
    public static final List<Class<?>> FERRO_MODELS = List.of(Person.class, NewPerson.class, Author.class, Tag.class, Post.class,
            VersionedPerson.class, NewVersionedPerson.class);
    /** With the stream workload's model, whose table only {@link #createStreamRows} creates (it is large). */
    public static final List<Class<?>> ALL_FERRO_MODELS = List.of(Person.class, NewPerson.class, Author.class, Tag.class, Post.class,
            VersionedPerson.class, NewVersionedPerson.class, StreamRow.class);

    private BenchSchema() {
    }

    /** Drops the bench tables, creates them afresh and fills them. */
    public static void recreate(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_post_tags, bench_post, bench_tag, bench_author, bench_person, "
                    + "bench_person_insert, bench_versioned_person, bench_versioned_person_insert CASCADE");
            statement.execute("DROP SEQUENCE IF EXISTS bench_person_insert_seq");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop the bench tables: " + e.getMessage(), e);
        }
        try (Ferro ferro = Ferro.connect(dataSource, FerroOptions.defaults().models(FERRO_MODELS.toArray(Class<?>[]::new)))) {
            ferro.schema().create();
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE SEQUENCE bench_person_insert_seq START WITH 1 INCREMENT BY 50");
            }
            load(connection);
            connection.commit();
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                // Fresh statistics, so the filter is planned on the loaded rows from its first query.
                statement.execute("ANALYZE");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the bench data: " + e.getMessage(), e);
        }
    }

    /**
     * Drops and creates {@code bench_stream_row} (Ferro's DDL for {@link StreamRow}) and fills it with
     * rows 1..{@code rows} in one {@code INSERT ... SELECT} over the database's own row generator
     * ({@code generate_series} on PostgreSQL, {@code SYSTEM_RANGE} on H2): a second or two for a
     * million rows. Only the stream workload calls this, so the others' set-up stays as it was.
     */
    public static void createStreamRows(DataSource dataSource, int rows) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_stream_row");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop bench_stream_row: " + e.getMessage(), e);
        }
        try (Ferro ferro = Ferro.connect(dataSource, FerroOptions.defaults().models(StreamRow.class))) {
            ferro.schema().create(StreamRow.class);
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
            // The values of DataSet.streamLabel, streamAmount and streamPrice.
            String values = "SELECT x, 'row' || x, MOD(x, 1000), CAST(MOD(x, 100) AS DOUBLE PRECISION) / 4 FROM ";
            statement.execute("INSERT INTO bench_stream_row (id, label, amount, price) " + values
                    + (postgres ? "generate_series" : "SYSTEM_RANGE") + "(1, " + rows + ") AS g(x)");
            // PostgreSQL: set the hint bits and the visibility map now rather than in the first measured scan.
            statement.execute(postgres ? "VACUUM ANALYZE bench_stream_row" : "ANALYZE TABLE bench_stream_row");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot fill bench_stream_row: " + e.getMessage(), e);
        }
    }

    /** Empties an insert workload's table ({@link dev.ferro.bench.library.BenchLibrary#insertTable()}). */
    public static void clearInserted(DataSource dataSource, String table) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE TABLE " + table);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot empty " + table + ": " + e.getMessage(), e);
        }
    }

    private static void load(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO bench_person (id, username, email, age, score, active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 1; i <= DataSet.PEOPLE; i++) {
                insert.setLong(1, i);
                insert.setString(2, DataSet.username(i));
                insert.setString(3, DataSet.email(i));
                insert.setInt(4, DataSet.age(i));
                insert.setDouble(5, DataSet.score(i));
                insert.setBoolean(6, DataSet.active(i));
                insert.setObject(7, DataSet.createdAt(i));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (Statement copy = connection.createStatement()) {
            // The same people, each at version 1 as Ferro's insert would leave them.
            copy.execute("INSERT INTO bench_versioned_person (id, username, email, age, score, active, created_at, version) "
                    + "SELECT id, username, email, age, score, active, created_at, 1 FROM bench_person");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_author (id, name) VALUES (?, ?)")) {
            for (int a = 1; a <= DataSet.AUTHORS; a++) {
                insert.setLong(1, a);
                insert.setString(2, DataSet.authorName(a));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_tag (id, name) VALUES (?, ?)")) {
            for (int t = 1; t <= DataSet.TAGS; t++) {
                insert.setLong(1, t);
                insert.setString(2, DataSet.tagName(t));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement posts = connection.prepareStatement("INSERT INTO bench_post (id, title, author_id) VALUES (?, ?, ?)");
             PreparedStatement links = connection.prepareStatement(
                     "INSERT INTO bench_post_tags (bench_post_id, bench_tag_id) VALUES (?, ?)")) {
            for (int p = 1; p <= DataSet.POSTS; p++) {
                posts.setLong(1, p);
                posts.setString(2, DataSet.postTitle(p));
                posts.setLong(3, DataSet.postAuthor(p));
                posts.addBatch();
                for (long tag : DataSet.postTags(p)) {
                    links.setLong(1, p);
                    links.setLong(2, tag);
                    links.addBatch();
                }
            }
            posts.executeBatch();
            links.executeBatch();
        }
    }
}
