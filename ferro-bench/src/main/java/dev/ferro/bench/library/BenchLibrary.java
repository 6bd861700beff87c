package dev.ferro.bench.library;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/**
 * One library's code for each workload, written the way its documentation shows. Every operation
 * takes its connection from the shared pool and gives it back, as a request would.
 */
public interface BenchLibrary extends AutoCloseable {

    /** Builds {@link dev.ferro.bench.DataSet#PEOPLE} new rows and inserts them in one batch, in one transaction. */
    List<?> insertPeople();

    /** Every row of {@code bench_person}, as objects. */
    List<?> selectPeople();

    /** One row by its id. */
    Object getPerson(long id);

    /** Active people aged {@code minAge..maxAge}, best score first, then by id; the first page. */
    List<?> filterPeople(int minAge, int maxAge);

    /** Every post, in id order, with its author and its tags loaded. */
    List<?> postsWithAuthorAndTags();

    /** A person object of this library, for the smoke test's comparisons. */
    PersonRow person(Object person);

    /** A post object of this library, for the smoke test's comparisons. */
    PostRow post(Object post);

    /** The id an inserted object was given, or null when the library does not read it back. */
    Long insertedId(Object inserted);

    @Override
    void close();

    record PersonRow(long id, String username, String email, int age, double score, boolean active, LocalDateTime createdAt) {
    }

    record PostRow(long id, String title, long authorId, String authorName, Set<String> tags) {
    }
}
