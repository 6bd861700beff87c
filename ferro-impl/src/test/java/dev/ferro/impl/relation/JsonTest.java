package dev.ferro.impl.relation;

import dev.ferro.Query;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Models with relations through JSON-B (Yasson, as in the application servers): a Ref is its id, a Relation only when prefetched. */
class JsonTest extends RelationTestBase {
    private final Jsonb jsonb = JsonbBuilder.create();

    @AfterEach
    void closeJsonb() throws Exception {
        jsonb.close();
    }

    @Test
    void aForeignKeyIsWrittenAsTheIdOfItsTarget() {
        RelUser alice = user("alice");
        RelPost created = post("Hello", alice);
        String expected = "{\"author\":" + alice.id + ",\"id\":" + created.id + ",\"title\":\"Hello\"}";

        RelPost read = posts().get(created.id);
        log.clear();

        assertEquals(expected, jsonb.toJson(created));
        assertEquals(expected, jsonb.toJson(read));
        assertEquals(0, log.count(), "JSON needs no query");
    }

    @Test
    void aPrefetchedRelationIsWrittenAsItsRowsAndOneNotPrefetchedIsLeftOut() {
        RelUser alice = user("alice");
        RelPost post = post("Hello", alice);
        RelTag java = tag("java");
        RelTag sql = tag("sql");
        post.tags.add(java, sql);

        RelPost plain = posts().get(post.id);
        RelPost prefetched = posts().prefetch(RelPost_.tags).get(post.id);

        assertEquals("{\"author\":" + alice.id + ",\"id\":" + post.id + ",\"title\":\"Hello\"}", jsonb.toJson(plain));
        assertEquals("{\"author\":" + alice.id + ",\"id\":" + post.id + ",\"tags\":[{\"id\":" + java.id + ",\"name\":\"java\"},{\"id\":"
                + sql.id + ",\"name\":\"sql\"}],\"title\":\"Hello\"}", jsonb.toJson(prefetched));
        assertEquals("[{\"author\":" + alice.id + ",\"id\":" + post.id + ",\"tags\":[{\"id\":" + java.id + ",\"name\":\"java\"},{\"id\":"
                + sql.id + ",\"name\":\"sql\"}],\"title\":\"Hello\"}]", jsonb.toJson(posts().prefetch(RelPost_.tags).all()));
        assertEquals("{\"id\":" + alice.id + ",\"name\":\"alice\"}", jsonb.toJson(users().get(alice.id)));
    }

    @Test
    void aWholeNumberInJsonBecomesARefWithALongId() {
        RelUser alice = user("alice");

        RelPost post = jsonb.fromJson("{\"title\":\"From JSON\",\"author\":" + alice.id + ",\"tags\":[{\"name\":\"ignored\"}]}", RelPost.class);

        Long authorId = post.author.id();
        assertEquals(alice.id, authorId);
        assertNull(post.tags, "relations are not read from JSON");
        posts().create(post);
        assertEquals("alice", posts().get(post.id).author.get().name);
    }

    @Test
    void aKeyInJsonThatIsNotAnIdOfTheTargetIsAViolationOnTheFieldBeforeAnySql() {
        RelUser alice = user("alice");
        RelPost post = post("Hello", alice);
        Query<RelComment> comments = ferro.query(RelComment.class);
        log.clear();

        for (String key : List.of("\"x\"", "\"" + post.id + "\"", "1.5")) {
            RelComment comment = jsonb.fromJson("{\"body\":\"Hi\",\"post\":" + key + "}", RelComment.class);

            ConstraintViolationException refused = assertThrows(ConstraintViolationException.class, () -> comments.create(comment));

            ConstraintViolation<?> violation = refused.getConstraintViolations().iterator().next();
            assertEquals(1, refused.getConstraintViolations().size());
            assertEquals("post", violation.getPropertyPath().toString());
            assertEquals("is not a RelPost id: " + key.replace("\"", ""), violation.getMessage());
        }
        assertEquals(0, log.count());
        assertEquals(0, comments.count());
    }

    @Test
    void aReferenceThatIsNotANumberOrAStringIsMalformedJson() {
        JsonbException refused = assertThrows(JsonbException.class,
                () -> jsonb.fromJson("{\"body\":\"Hi\",\"post\":{\"id\":1}}", RelComment.class));

        Throwable cause = refused;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertEquals("A reference is the id of its target, a number or a string, not {\"id\":1}", cause.getMessage());
    }
}
