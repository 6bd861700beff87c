package dev.ferro.cdi;

import dev.ferro.Ferro;
import dev.ferro.ModelDefinitionException;
import dev.ferro.Query;
import dev.ferro.Ref;
import dev.ferro.Relation;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.DeploymentException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.ferro.cdi.FerroContainer.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model Ferro cannot map fails the deployment, with a message that names the class and the field,
 * before Ferro connects to anything. The models here are compiled at run time and reach Ferro
 * through CDI's scanning only (see {@link ModelCompiler}).
 */
class DeploymentErrorTest {
    private static final String INVALID = ModelCompiler.PACKAGE + ".";

    /** The start failure of a deployment holding {@code models}, checked to be a CDI deployment or definition error. */
    private static String deploymentError(Class<?>... models) {
        RuntimeException failure = FerroContainer.startFailure(Map.of(), models);
        assertTrue(failure instanceof DeploymentException || failure instanceof DefinitionException,
                "a CDI deployment problem, not " + messages(failure));
        return messages(failure);
    }

    @Test
    void aModelWithoutAnIdFailsTheDeploymentNamingTheClass() {
        Class<?> noId = ModelCompiler.compile("""
                @Model(table = "cdi_no_id")
                public class NoId {
                    public Long code;
                    public String name;
                }
                """);

        String message = deploymentError(noId);

        assertTrue(message.contains("Model " + INVALID + "NoId: has no @Id field"), message);
    }

    @Test
    void aFieldOfAnUnsupportedTypeFailsTheDeploymentNamingTheClassTheFieldAndItsType() {
        Class<?> dated = ModelCompiler.compile("""
                @Model(table = "cdi_dated")
                public class Dated {
                    @Id public Long id;
                    public java.util.Date born;
                }
                """);

        String message = deploymentError(dated);

        assertTrue(message.contains("Model " + INVALID + "Dated, field 'born': has type java.util.Date"), message);
    }

    @Test
    void everyInvalidModelIsReportedAtOnce() {
        Class<?> twoIds = ModelCompiler.compile("""
                @Model(table = "cdi_two_ids")
                public class TwoIds {
                    @Id public Long id;
                    @Id public Long other;
                }
                """);
        Class<?> finalField = ModelCompiler.compile("""
                @Model(table = "cdi_final")
                public class FinalField {
                    @Id public Long id;
                    public final String name = "fixed";
                }
                """);

        String message = deploymentError(twoIds, finalField);

        assertTrue(message.contains("Model " + INVALID + "TwoIds, field 'other'"), message);
        assertTrue(message.contains("Model " + INVALID + "FinalField, field 'name'"), message);
    }

    @Test
    void aForeignKeyWhoseRelatedNameTheTargetLacksFailsTheDeploymentWithOneProblemNamingBothClasses() {
        List<Class<?>> pair = ModelCompiler.compileTogether("""
                @Model(table = "cdi_writer")
                public class Writer {
                    @Id public Long id;
                    public String name;
                }
                """, """
                @Model(table = "cdi_story")
                public class Story {
                    @Id public Long id;
                    @ForeignKey(relatedName = "stories") public Ref<Writer> writer;
                }
                """);

        RuntimeException failure = FerroContainer.startFailure(Map.of(), pair.toArray(Class<?>[]::new));

        assertTrue(failure instanceof DeploymentException || failure instanceof DefinitionException,
                "a CDI deployment problem, not " + messages(failure));
        ModelDefinitionException problem = FerroContainer.cause(failure, ModelDefinitionException.class);
        assertNotNull(problem, messages(failure));
        assertEquals("Model " + INVALID + "Story, field 'writer': defines a relationship to Writer with relatedName = \"stories\", "
                + "but Writer does not have that field; declare @BackRef public Relation<Story> stories in " + INVALID + "Writer",
                problem.getMessage());
        assertSame(pair.get(1), problem.model());
        assertFalse(messages(failure).contains("models cannot be mapped"), "one problem, not several: " + messages(failure));
    }

    @Test
    void bothSidesOfARelationDeclaredDeployAndTheRelationLoadsThroughTheQueryBeans() throws Exception {
        List<Class<?>> pair = ModelCompiler.compileTogether("""
                @Model(table = "cdi_writer")
                public class Writer {
                    @Id public Long id;
                    public String name;
                    @BackRef public Relation<Story> stories;
                }
                """, """
                @Model(table = "cdi_story")
                public class Story {
                    @Id public Long id;
                    public String title;
                    @ForeignKey(relatedName = "stories") public Ref<Writer> writer;
                }
                """);
        Class<?> writerType = pair.get(0);
        Class<?> storyType = pair.get(1);
        try (FerroContainer container = FerroContainer.start(
                Map.of("ferro.url", FerroContainer.freshH2(), "ferro.schema", "create"), writerType, storyType)) {
            Ferro ferro = container.get(Ferro.class);
            Object writer = writerType.getConstructor().newInstance();
            writerType.getField("name").set(writer, "wanda");
            create(ferro.query(writerType), writer);
            Object story = storyType.getConstructor().newInstance();
            storyType.getField("title").set(story, "first");
            storyType.getField("writer").set(story, Ref.of(writer));
            create(ferro.query(storyType), story);

            Object stories = writerType.getField("stories").get(ferro.query(writerType).get(writerType.getField("id").get(writer)));
            List<?> titles = ((Relation<?>) stories).all().stream().map(row -> title(storyType, row)).toList();

            assertEquals(List.of("first"), titles);
        }
    }

    private static Object title(Class<?> storyType, Object story) {
        try {
            return storyType.getField("title").get(story);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aValidModelFoundOnlyByScanningGetsItsQueryBeanAndItsTable() throws Exception {
        Class<?> scanned = ModelCompiler.compile("""
                @Model(table = "cdi_scanned")
                public class Scanned {
                    @Id public Long id;
                    public String label;
                }
                """);
        try (FerroContainer container = FerroContainer.start(
                Map.of("ferro.url", FerroContainer.freshH2(), "ferro.schema", "create"), scanned)) {
            BeanManager beans = container.get(BeanManager.class);
            Set<Bean<?>> queryBeans = beans.getBeans(new QueryType(scanned));
            assertEquals(1, queryBeans.size(), "one Query<Scanned> bean");
            Bean<?> bean = beans.resolve(queryBeans);
            Query<?> query = (Query<?>) beans.getReference(bean, new QueryType(scanned), beans.createCreationalContext(bean));

            Object row = scanned.getConstructor().newInstance();
            scanned.getField("label").set(row, "seen");
            create(query, row);

            assertSame(scanned, query.model());
            assertEquals("seen", container.get(Ferro.class)
                    .fetchOne("SELECT label FROM cdi_scanned").orElseThrow().get("label"));
        }
    }

    @SuppressWarnings("unchecked")
    private static <M> void create(Query<M> query, Object row) {
        query.create((M) row);
    }
}
