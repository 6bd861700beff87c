package dev.ferro.bench.library;

import dev.ferro.bench.BenchDatabase;
import dev.ferro.bench.DataSet;
import dev.ferro.bench.model.plain.Author;
import dev.ferro.bench.model.plain.Person;
import dev.ferro.bench.model.plain.Post;
import dev.ferro.bench.model.plain.Tag;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

import javax.sql.DataSource;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.table;

/**
 * jOOQ's DSL without generated code (typed fields declared here), records mapped through
 * constructors ({@link Records#mapping}), posts with their author as a nested row and their tags as a
 * {@code MULTISET}, jOOQ's way of loading nested collections. Its batch API returns no generated keys,
 * so the inserted objects keep a null id.
 */
public final class JooqLibrary implements BenchLibrary {
    private static final Table<?> PERSON = table(name("bench_person"));
    private static final Table<?> PERSON_INSERT = table(name("bench_person_insert"));
    private static final Field<Long> ID = field(name("id"), Long.class);
    private static final Field<String> USERNAME = field(name("username"), String.class);
    private static final Field<String> EMAIL = field(name("email"), String.class);
    private static final Field<Integer> AGE = field(name("age"), Integer.class);
    private static final Field<Double> SCORE = field(name("score"), Double.class);
    private static final Field<Boolean> ACTIVE = field(name("active"), Boolean.class);
    private static final Field<LocalDateTime> CREATED_AT = field(name("created_at"), LocalDateTime.class);

    private static final Table<?> POST = table(name("bench_post"));
    private static final Table<?> AUTHOR = table(name("bench_author"));
    private static final Table<?> TAG = table(name("bench_tag"));
    private static final Table<?> POST_TAGS = table(name("bench_post_tags"));
    private static final Field<Long> POST_ID = field(name("bench_post", "id"), Long.class);
    private static final Field<String> POST_TITLE = field(name("bench_post", "title"), String.class);
    private static final Field<Long> POST_AUTHOR = field(name("bench_post", "author_id"), Long.class);
    private static final Field<Long> AUTHOR_ID = field(name("bench_author", "id"), Long.class);
    private static final Field<String> AUTHOR_NAME = field(name("bench_author", "name"), String.class);
    private static final Field<Long> TAG_ID = field(name("bench_tag", "id"), Long.class);
    private static final Field<String> TAG_NAME = field(name("bench_tag", "name"), String.class);
    private static final Field<Long> LINK_POST = field(name("bench_post_tags", "bench_post_id"), Long.class);
    private static final Field<Long> LINK_TAG = field(name("bench_post_tags", "bench_tag_id"), Long.class);

    private final DSLContext dsl;

    public JooqLibrary(DataSource dataSource, BenchDatabase database) {
        // jOOQ prints a banner and tips on first use; a benchmark's output has no room for them.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        SQLDialect dialect = database == BenchDatabase.H2 ? SQLDialect.H2 : SQLDialect.POSTGRES;
        dsl = DSL.using(dataSource, dialect, new Settings().withExecuteLogging(false));
    }

    @Override
    public List<Person> insertPeople() {
        List<Person> people = new ArrayList<>(DataSet.PEOPLE);
        for (int i = 1; i <= DataSet.PEOPLE; i++) {
            people.add(new Person(null, DataSet.username(i), DataSet.email(i), DataSet.age(i), DataSet.score(i),
                    DataSet.active(i), DataSet.createdAt(i)));
        }
        dsl.transaction(configuration -> {
            DSLContext tx = configuration.dsl();
            BatchBindStep batch = tx.batch(tx.insertInto(PERSON_INSERT, USERNAME, EMAIL, AGE, SCORE, ACTIVE, CREATED_AT)
                    .values((String) null, null, null, null, null, null));
            for (Person person : people) {
                batch.bind(person.username, person.email, person.age, person.score, person.active, person.createdAt);
            }
            batch.execute();
        });
        return people;
    }

    @Override
    public List<AuthorPosts> postsPerAuthor() {
        return dsl.select(POST_AUTHOR, DSL.count()).from(POST).groupBy(POST_AUTHOR)
                .fetch(row -> new AuthorPosts(row.value1(), row.value2()));
    }

    @Override
    public List<String> titlesByAuthorName(String name) {
        return dsl.select(POST_TITLE).from(POST).join(AUTHOR).on(AUTHOR_ID.eq(POST_AUTHOR)).where(AUTHOR_NAME.eq(name))
                .orderBy(POST_ID).fetch(POST_TITLE);
    }

    @Override
    public List<Person> cursorPage() {
        int row = RawJdbcLibrary.CURSOR_ROW;
        double score = DataSet.score(row);
        return dsl.select(ID, USERNAME, EMAIL, AGE, SCORE, ACTIVE, CREATED_AT).from(PERSON)
                .where(SCORE.lt(score).or(SCORE.eq(score).and(ID.gt((long) row))))
                .orderBy(SCORE.desc(), ID.asc())
                .limit(DataSet.CURSOR_PAGE_SIZE)
                .fetch(Records.mapping(Person::new));
    }

    @Override
    public List<PersonSummary> projectPeople() {
        return dsl.select(ID, USERNAME, AGE).from(PERSON).fetch(Records.mapping(PersonSummary::new));
    }

    @Override
    public List<Person> selectPeople() {
        return dsl.select(ID, USERNAME, EMAIL, AGE, SCORE, ACTIVE, CREATED_AT).from(PERSON).fetch(Records.mapping(Person::new));
    }

    @Override
    public Person getPerson(long id) {
        return dsl.select(ID, USERNAME, EMAIL, AGE, SCORE, ACTIVE, CREATED_AT).from(PERSON).where(ID.eq(id))
                .fetchSingle(Records.mapping(Person::new));
    }

    @Override
    public List<Person> filterPeople(int minAge, int maxAge) {
        return dsl.select(ID, USERNAME, EMAIL, AGE, SCORE, ACTIVE, CREATED_AT).from(PERSON)
                .where(AGE.between(minAge, maxAge).and(ACTIVE.isTrue()))
                .orderBy(SCORE.desc(), ID.asc())
                .limit(DataSet.PAGE)
                .fetch(Records.mapping(Person::new));
    }

    /** One query: the author as a nested row, the tags as a MULTISET. */
    @Override
    public List<Post> postsWithAuthorAndTags() {
        Field<List<Tag>> tags = multiset(select(TAG_ID, TAG_NAME).from(POST_TAGS).join(TAG).on(TAG_ID.eq(LINK_TAG))
                .where(LINK_POST.eq(POST_ID)).orderBy(TAG_ID))
                .convertFrom(records -> records.map(Records.mapping(Tag::new)));
        return dsl.select(POST_ID, POST_TITLE, row(AUTHOR_ID, AUTHOR_NAME).mapping(Author::new), tags)
                .from(POST).join(AUTHOR).on(AUTHOR_ID.eq(POST_AUTHOR))
                .orderBy(POST_ID)
                .fetch(Records.mapping(Post::new));
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
        // The DSLContext holds nothing beyond the pool, which belongs to the benchmark.
    }
}
