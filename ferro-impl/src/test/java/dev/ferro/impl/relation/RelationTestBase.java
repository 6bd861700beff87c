package dev.ferro.impl.relation;

import dev.ferro.Query;
import dev.ferro.impl.testing.DatabaseTest;

import java.util.List;
import java.util.function.Function;

/** The relation models' tables, and shortcuts for the tests that use them. */
abstract class RelationTestBase extends DatabaseTest {
    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {RelUser.class, RelTag.class, RelCategory.class, RelPerson.class, RelPost.class, RelComment.class,
                RelProfile.class, RelMessage.class};
    }

    Query<RelUser> users() {
        return ferro.query(RelUser.class);
    }

    Query<RelPost> posts() {
        return ferro.query(RelPost.class);
    }

    Query<RelTag> tags() {
        return ferro.query(RelTag.class);
    }

    RelUser user(String name) {
        return users().create(new RelUser(name));
    }

    RelPost post(String title, RelUser author) {
        return posts().create(new RelPost(title, author));
    }

    RelTag tag(String name) {
        return tags().create(new RelTag(name));
    }

    /** A row count straight from the database, by raw SQL. */
    long rows(String table) {
        return ((Number) ferro.fetchOne("SELECT COUNT(*) AS n FROM " + table).orElseThrow().get("n")).longValue();
    }

    static <T> List<String> names(List<T> rows, Function<T, String> name) {
        return rows.stream().map(name).toList();
    }
}
