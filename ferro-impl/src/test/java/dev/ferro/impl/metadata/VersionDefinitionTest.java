package dev.ferro.impl.metadata;

import dev.ferro.ModelDefinitionException;
import dev.ferro.impl.testing.DatabaseTest;
import dev.ferro.impl.testing.StatementLog;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A {@code @Version} Ferro cannot count with is rejected at connect, naming the class and the field. */
class VersionDefinitionTest extends DatabaseTest {
    private static final String INVALID = ModelSource.PACKAGE + ".";

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {MdTag.class};
    }

    @Test
    void stringVersionIsRejectedNamingTheTypesAllowed() {
        ModelDefinitionException e = rejected("""
                @Model(table = "md_string_version")
                public class StringVersion {
                    @Id public Long id;
                    @Version public String version;
                }
                """);
        assertEquals("Model " + INVALID + "StringVersion, field 'version': is a @Version of type String; "
                + "a version must be int, long, Integer or Long", e.getMessage());
        assertEquals("version", e.field());
    }

    @Test
    void secondVersionIsRejectedNamingTheFirst() {
        ModelDefinitionException e = rejected("""
                @Model(table = "md_two_versions")
                public class TwoVersions {
                    @Id public Long id;
                    @Version public long version;
                    @Version public long revision;
                }
                """);
        assertEquals("Model " + INVALID + "TwoVersions, field 'revision': is a second @Version (the first is 'version')",
                e.getMessage());
    }

    @Test
    void idAsVersionIsRejected() {
        ModelDefinitionException e = rejected("""
                @Model(table = "md_id_version")
                public class IdVersion {
                    @Id @Version public Long id;
                }
                """);
        assertEquals("Model " + INVALID + "IdVersion, field 'id': cannot be the @Version: it is the @Id", e.getMessage());
    }

    @Test
    void versionColumnIsNotNullEvenWhenBoxed() {
        Class<?> model = ModelSource.compile("""
                @Model(table = "md_boxed_version")
                public class BoxedVersion {
                    @Id public Long id;
                    @Version public Integer version;
                }
                """);
        ModelMetadata<?> metadata = ModelReader.read(model);
        assertEquals("version", metadata.version().name());
        assertEquals(false, metadata.version().nullable());
    }

    private ModelDefinitionException rejected(String source) {
        Class<?> model = ModelSource.compile(source);
        StatementLog startup = new StatementLog();
        ModelDefinitionException e = assertThrows(ModelDefinitionException.class,
                () -> database.connect(database.options().models(model).listener(startup)).close());
        assertSame(model, e.model());
        assertEquals(0, startup.count());
        return e;
    }
}
