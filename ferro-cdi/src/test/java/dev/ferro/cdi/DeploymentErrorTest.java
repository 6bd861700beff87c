package dev.ferro.cdi;

import dev.ferro.Ferro;
import dev.ferro.Query;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.DeploymentException;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static dev.ferro.cdi.FerroContainer.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
