package dev.ferro.impl.relation;

import dev.ferro.Query;
import dev.ferro.Ref;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * How models with relations go through JSON-B: JSON is written from what is in memory and never
 * runs SQL. A foreign key is its target's id, a relation is a list of rows once prefetched (left
 * out before), the reverse side of a one-to-one is its row's id once loaded; an id read from JSON
 * becomes a foreign key that Ferro saves.
 */
class JsonbRelationTest extends RelationTestBase {
    private final Jsonb jsonb = JsonbBuilder.create();

    private RelUser alice;
    private RelPost post;

    @AfterEach
    void closeJsonb() throws Exception {
        jsonb.close();
    }

    private void aliceWritesHello() {
        alice = ferro.query(RelUser.class).create(new RelUser("alice"));
        post = ferro.query(RelPost.class).create(new RelPost("hello", alice));
        log.clear();
    }

    @Test
    void foreignKeyIsWrittenAsTheTargetsIdWithoutSqlAndUnloadedRelationsAreLeftOut() {
        aliceWritesHello();
        RelPost read = ferro.query(RelPost.class).get(post.id);
        log.clear();

        String json = jsonb.toJson(read);

        assertEquals("{\"author\":" + alice.id + ",\"id\":" + post.id + ",\"title\":\"hello\"}", json);
        assertEquals(0, log.count());
        assertFalse(read.author.isLoaded());
    }

    @Test
    void prefetchedRelationsAreArraysOfRowObjects() {
        aliceWritesHello();
        RelTag java = ferro.query(RelTag.class).create(new RelTag("java"));
        RelTag sql = ferro.query(RelTag.class).create(new RelTag("sql"));
        post.tags.add(java, sql);
        RelComment comment = ferro.query(RelComment.class).create(new RelComment("nice", post));
        RelPost read = ferro.query(RelPost.class).where(RelPost_.id.eq(post.id)).prefetch(RelPost_.tags, RelPost_.comments).one();
        log.clear();

        String json = jsonb.toJson(read);

        assertEquals("{\"author\":" + alice.id + ",\"comments\":[{\"body\":\"nice\",\"id\":" + comment.id + ",\"post\":" + post.id
                + "}],\"id\":" + post.id + ",\"tags\":[{\"id\":" + java.id + ",\"name\":\"java\"},{\"id\":" + sql.id
                + ",\"name\":\"sql\"}],\"title\":\"hello\"}", json);
        assertEquals(0, log.count());
    }

    @Test
    void aPrefetchedRelationWithoutRowsIsAnEmptyArray() {
        aliceWritesHello();
        RelPost read = ferro.query(RelPost.class).where(RelPost_.id.eq(post.id)).prefetch(RelPost_.tags).one();
        log.clear();

        assertEquals("{\"author\":" + alice.id + ",\"id\":" + post.id + ",\"tags\":[],\"title\":\"hello\"}", jsonb.toJson(read));
        assertEquals(0, log.count());
    }

    @Test
    void reverseOneToOneIsLeftOutUntilLoadedThenWrittenAsTheProfilesId() {
        aliceWritesHello();
        RelProfile profile = ferro.query(RelProfile.class).create(new RelProfile("writes", alice));
        RelUser read = ferro.query(RelUser.class).get(alice.id);
        log.clear();

        assertEquals("{\"id\":" + alice.id + ",\"name\":\"alice\"}", jsonb.toJson(read));
        assertEquals(0, log.count());

        assertEquals("writes", read.profile.get().bio);
        log.clear();
        assertEquals("{\"id\":" + alice.id + ",\"name\":\"alice\",\"profile\":" + profile.id + "}", jsonb.toJson(read));
        assertEquals(0, log.count());
    }

    @Test
    void prefetchedReverseOneToOneIsWrittenAsTheProfilesIdAndLeftOutWhenThereIsNone() {
        aliceWritesHello();
        RelUser bob = ferro.query(RelUser.class).create(new RelUser("bob"));
        RelProfile profile = ferro.query(RelProfile.class).create(new RelProfile("writes", alice));
        var users = ferro.query(RelUser.class).orderBy(RelUser_.id.asc()).prefetch(RelUser_.profile).all();
        log.clear();

        assertEquals("{\"id\":" + alice.id + ",\"name\":\"alice\",\"profile\":" + profile.id + "}", jsonb.toJson(users.get(0)));
        assertEquals("{\"id\":" + bob.id + ",\"name\":\"bob\"}", jsonb.toJson(users.get(1)));
        assertEquals(0, log.count());
    }

    @Test
    void refOfAnUnsavedModelIsLeftOutAndRefOfASavedOneIsItsId() {
        RelPost draft = new RelPost("draft", new RelUser("bob"));
        assertEquals("{\"title\":\"draft\"}", jsonb.toJson(draft));

        aliceWritesHello();
        draft.author = Ref.of(alice);
        assertEquals("{\"author\":" + alice.id + ",\"title\":\"draft\"}", jsonb.toJson(draft));
        draft.author = Ref.ofId(42L);
        assertEquals("{\"author\":42,\"title\":\"draft\"}", jsonb.toJson(draft));
        assertEquals(0, log.count());
    }

    @Test
    void anIdReadFromJsonBecomesAForeignKeyThatFerroSaves() {
        aliceWritesHello();

        RelPost received = jsonb.fromJson("{\"title\":\"x\",\"author\":" + alice.id + "}", RelPost.class);

        assertEquals("x", received.title);
        Long receivedAuthorId = received.author.id();
        assertEquals(alice.id, receivedAuthorId);
        assertFalse(received.author.isLoaded());
        assertNull(received.tags);
        assertEquals(0, log.count());

        RelPost saved = ferro.query(RelPost.class).create(received);
        Long savedAuthorId = saved.author.id();
        assertEquals(alice.id, savedAuthorId);
        RelPost reread = ferro.query(RelPost.class).get(saved.id);
        Long rereadAuthorId = reread.author.id();
        assertEquals(alice.id, rereadAuthorId);
        assertEquals("alice", reread.author.get().name);
    }

    /** A client may write an integral id as 1.0: it arrives as a BigDecimal, which Ferro turns into the id's type. */
    @Test
    void aDecimalIdReadFromJsonIsSavedAsTheTargetsIdType() {
        aliceWritesHello();

        RelPost received = jsonb.fromJson("{\"title\":\"x\",\"author\":" + alice.id + ".0}", RelPost.class);
        assertEquals(new BigDecimal(alice.id + ".0"), received.author.id());

        RelPost saved = ferro.query(RelPost.class).create(received);
        Long savedAuthorId = saved.author.id();
        assertEquals(alice.id, savedAuthorId);
        assertEquals("alice", ferro.query(RelPost.class).get(saved.id).author.get().name);
    }

    @Test
    void aNullAuthorInJsonIsNoForeignKey() {
        RelPost received = jsonb.fromJson("{\"title\":\"x\",\"author\":null}", RelPost.class);

        assertNull(received.author);
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
