package dev.ferro.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferro.Attribute;
import dev.ferro.BooleanAttribute;
import dev.ferro.Condition;
import dev.ferro.NumericAttribute;
import dev.ferro.Prefetch;
import dev.ferro.Ref;
import dev.ferro.RefAttribute;
import dev.ferro.RelationAttribute;
import dev.ferro.SortableAttribute;
import dev.ferro.TextAttribute;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

import javax.annotation.processing.Processor;
import javax.lang.model.SourceVersion;
import javax.tools.Diagnostic;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetamodelProcessorTest {

    private static final String STATUS = """
            package shop;

            public enum Status { ACTIVE, BLOCKED }
            """;

    /** A model with a field of every kind Ferro stores. */
    private static final String USER = """
            package shop;

            import dev.ferro.Id;
            import dev.ferro.Model;

            @Model
            public class User {
                @Id public Long id;
                public String name;
                public int age;
                public boolean active;
                public java.math.BigDecimal balance;
                public java.time.LocalDate born;
                public java.util.UUID token;
                public Status status;
                public byte[] avatar;
                public Boolean verified;
                public short rank;
                public Short level;
                public long visits;
                public Integer score;
                public float ratio;
                public Float weight;
                public double height;
                public Double bmi;
                public java.time.LocalTime wakes;
                public java.time.LocalDateTime seen;
                public java.time.OffsetDateTime updated;
                public java.time.Instant created;
            }
            """;

    @TempDir
    Path dir;

    @Test
    void generatesTheExactMetamodelSourceForEveryStoredKind() throws IOException {
        Compilation c = Compilation.run(dir, STATUS, USER);

        assertEquals(List.of(), c.problems());
        assertEquals("""
                package shop;

                import javax.annotation.processing.Generated;

                @Generated("dev.ferro.processor.MetamodelProcessor")
                public final class User_ {
                    public static final dev.ferro.IntegralAttribute<shop.User, java.lang.Long> id = new dev.ferro.IntegralAttribute<>(shop.User.class, "id", java.lang.Long.class);
                    public static final dev.ferro.TextAttribute<shop.User> name = new dev.ferro.TextAttribute<>(shop.User.class, "name");
                    public static final dev.ferro.IntegralAttribute<shop.User, java.lang.Integer> age = new dev.ferro.IntegralAttribute<>(shop.User.class, "age", java.lang.Integer.class);
                    public static final dev.ferro.BooleanAttribute<shop.User> active = new dev.ferro.BooleanAttribute<>(shop.User.class, "active");
                    public static final dev.ferro.NumericAttribute<shop.User, java.math.BigDecimal> balance = new dev.ferro.NumericAttribute<>(shop.User.class, "balance", java.math.BigDecimal.class);
                    public static final dev.ferro.SortableAttribute<shop.User, java.time.LocalDate> born = new dev.ferro.SortableAttribute<>(shop.User.class, "born", java.time.LocalDate.class);
                    public static final dev.ferro.Attribute<shop.User, java.util.UUID> token = new dev.ferro.Attribute<>(shop.User.class, "token", java.util.UUID.class);
                    public static final dev.ferro.Attribute<shop.User, shop.Status> status = new dev.ferro.Attribute<>(shop.User.class, "status", shop.Status.class);
                    public static final dev.ferro.Attribute<shop.User, byte[]> avatar = new dev.ferro.Attribute<>(shop.User.class, "avatar", byte[].class);
                    public static final dev.ferro.BooleanAttribute<shop.User> verified = new dev.ferro.BooleanAttribute<>(shop.User.class, "verified");
                    public static final dev.ferro.IntegralAttribute<shop.User, java.lang.Short> rank = new dev.ferro.IntegralAttribute<>(shop.User.class, "rank", java.lang.Short.class);
                    public static final dev.ferro.IntegralAttribute<shop.User, java.lang.Short> level = new dev.ferro.IntegralAttribute<>(shop.User.class, "level", java.lang.Short.class);
                    public static final dev.ferro.IntegralAttribute<shop.User, java.lang.Long> visits = new dev.ferro.IntegralAttribute<>(shop.User.class, "visits", java.lang.Long.class);
                    public static final dev.ferro.IntegralAttribute<shop.User, java.lang.Integer> score = new dev.ferro.IntegralAttribute<>(shop.User.class, "score", java.lang.Integer.class);
                    public static final dev.ferro.NumericAttribute<shop.User, java.lang.Float> ratio = new dev.ferro.NumericAttribute<>(shop.User.class, "ratio", java.lang.Float.class);
                    public static final dev.ferro.NumericAttribute<shop.User, java.lang.Float> weight = new dev.ferro.NumericAttribute<>(shop.User.class, "weight", java.lang.Float.class);
                    public static final dev.ferro.NumericAttribute<shop.User, java.lang.Double> height = new dev.ferro.NumericAttribute<>(shop.User.class, "height", java.lang.Double.class);
                    public static final dev.ferro.NumericAttribute<shop.User, java.lang.Double> bmi = new dev.ferro.NumericAttribute<>(shop.User.class, "bmi", java.lang.Double.class);
                    public static final dev.ferro.SortableAttribute<shop.User, java.time.LocalTime> wakes = new dev.ferro.SortableAttribute<>(shop.User.class, "wakes", java.time.LocalTime.class);
                    public static final dev.ferro.SortableAttribute<shop.User, java.time.LocalDateTime> seen = new dev.ferro.SortableAttribute<>(shop.User.class, "seen", java.time.LocalDateTime.class);
                    public static final dev.ferro.SortableAttribute<shop.User, java.time.OffsetDateTime> updated = new dev.ferro.SortableAttribute<>(shop.User.class, "updated", java.time.OffsetDateTime.class);
                    public static final dev.ferro.SortableAttribute<shop.User, java.time.Instant> created = new dev.ferro.SortableAttribute<>(shop.User.class, "created", java.time.Instant.class);

                    private User_() {
                    }
                }
                """, c.generatedSource("shop.User_"));
    }

    @Test
    void compiledAttributesCarryTheirKindNameAndBoxedType() throws Exception {
        Compilation c = Compilation.run(dir, STATUS, USER);
        assertTrue(c.success, () -> c.messages(Diagnostic.Kind.ERROR).toString());

        try (URLClassLoader loader = c.loader()) {
            Class<?> user = loader.loadClass("shop.User");
            Class<?> metamodel = loader.loadClass("shop.User_");
            assertTrue(Modifier.isPublic(metamodel.getModifiers()) && Modifier.isFinal(metamodel.getModifiers()));
            assertEquals(List.of(
                    "id IntegralAttribute Long",
                    "name TextAttribute String",
                    "age IntegralAttribute Integer",
                    "active BooleanAttribute Boolean",
                    "balance NumericAttribute BigDecimal",
                    "born SortableAttribute LocalDate",
                    "token Attribute UUID",
                    "status Attribute Status",
                    "avatar Attribute byte[]",
                    "verified BooleanAttribute Boolean",
                    "rank IntegralAttribute Short",
                    "level IntegralAttribute Short",
                    "visits IntegralAttribute Long",
                    "score IntegralAttribute Integer",
                    "ratio NumericAttribute Float",
                    "weight NumericAttribute Float",
                    "height NumericAttribute Double",
                    "bmi NumericAttribute Double",
                    "wakes SortableAttribute LocalTime",
                    "seen SortableAttribute LocalDateTime",
                    "updated SortableAttribute OffsetDateTime",
                    "created SortableAttribute Instant"), describe(metamodel, user));

            Attribute<?, ?> status = (Attribute<?, ?>) metamodel.getField("status").get(null);
            assertEquals(loader.loadClass("shop.Status"), status.type());
            assertEquals("dev.ferro.IntegralAttribute<shop.User, java.lang.Integer>",
                    metamodel.getField("age").getGenericType().getTypeName());
            assertTrue(metamodel.getField("name").get(null) instanceof TextAttribute);
            assertTrue(metamodel.getField("born").get(null) instanceof SortableAttribute);
            assertFalse(metamodel.getField("token").get(null) instanceof SortableAttribute);
            assertTrue(metamodel.getField("active").get(null) instanceof BooleanAttribute);
            assertTrue(metamodel.getField("bmi").get(null) instanceof NumericAttribute);
        }
    }

    @Test
    void inheritedFieldsComeFirstFromTheTopOfTheHierarchy() throws IOException {
        Compilation c = Compilation.run(dir, """
                package shop;

                public abstract class Entity {
                    @dev.ferro.Id public Long id;
                    public java.time.Instant createdAt;
                }
                """, """
                package shop;

                public abstract class Named extends Entity {
                    public String name;
                }
                """, """
                package shop;

                @dev.ferro.Model
                public class Product extends Named {
                    public java.math.BigDecimal price;
                    public boolean listed;
                }
                """);

        assertEquals(List.of(), c.problems());
        assertEquals(List.of("id", "createdAt", "name", "price", "listed"), c.attributeNames("shop.Product_"));
        assertTrue(c.generatedSource("shop.Product_").contains(
                "dev.ferro.IntegralAttribute<shop.Product, java.lang.Long> id = new dev.ferro.IntegralAttribute<>(shop.Product.class, \"id\""));
    }

    @Test
    void staticAndTransientFieldsAreNotAttributes() throws IOException {
        Compilation c = Compilation.run(dir, """
                package shop;

                @dev.ferro.Model
                public class Session {
                    public static final String TABLE = "session";
                    public static int created;
                    @dev.ferro.Id public String id;
                    public transient String cache;
                    private transient int hits;
                    private long expires;

                    public long getExpires() { return expires; }
                    public void setExpires(long expires) { this.expires = expires; }
                }
                """);

        assertEquals(List.of(), c.problems());
        assertEquals(List.of("id", "expires"), c.attributeNames("shop.Session_"));
    }

    @Test
    void fieldsOfTypesNoColumnTypeCouldStoreAreLeftOutAndOtherClassesGetAPlainAttribute() throws IOException {
        Compilation c = Compilation.run(dir, """
                package shop;

                public abstract class Keyed<K> {
                    public K key;
                }
                """, """
                package shop;

                @dev.ferro.Model
                public class Order extends Keyed<Long> {
                    @dev.ferro.Id public long id;
                    public java.util.List<String> tags;
                    public java.util.Map<String, Integer> counts;
                    public char grade;
                    public byte flags;
                    public Byte[] boxedBytes;
                    public int[] numbers;
                    public Object payload;
                    public java.util.Date legacy;
                    public java.math.BigInteger huge;
                    public java.util.Optional<String> note;
                    public String comment;
                }
                """);

        assertTrue(c.success);
        assertEquals(List.of(), c.messages(Diagnostic.Kind.values()));
        // Date and BigInteger may be stored by an application's dev.ferro.ColumnType: only the runtime knows.
        assertEquals(List.of("id", "legacy", "huge", "comment"), c.attributeNames("shop.Order_"));
        String source = c.generatedSource("shop.Order_");
        assertTrue(source.contains("public static final dev.ferro.Attribute<shop.Order, java.util.Date> legacy = "
                + "new dev.ferro.Attribute<>(shop.Order.class, \"legacy\", java.util.Date.class);"), source);
    }

    @Test
    void genericReferenceFieldsAreSkipped() throws IOException {
        Compilation c = Compilation.run(dir, """
                package shop;

                public final class Ref<T> {
                    public Long id;
                }
                """, """
                package shop;

                public final class Relation<T> {
                }
                """, """
                package shop;

                @dev.ferro.Model
                public class Post {
                    @dev.ferro.Id public Long id;
                    public Ref<Post> parent;
                    public Relation<Post> replies;
                    @SuppressWarnings("rawtypes") public Ref raw;
                    public String title;
                }
                """);

        assertEquals(List.of(), c.problems());
        assertEquals(List.of("id", "title"), c.attributeNames("shop.Post_"));
    }

    /** A blog: every kind of relationship, each side declared. */
    private static final String[] BLOG = {"""
            package blog;

            import dev.ferro.*;

            @Model
            public class User {
                @Id public Long id;
                public String name;
                @BackRef public Relation<Post> posts;
                @BackRef public Ref<Profile> profile;
            }
            """, """
            package blog;

            import dev.ferro.*;

            @Model
            public class Post {
                @Id public Long id;
                public String title;
                @ForeignKey(relatedName = "posts", nullable = true, onDelete = OnDelete.SET_NULL) public Ref<User> author;
                @ManyToMany(relatedName = "posts") public Relation<Tag> tags;
                @BackRef public Relation<Comment> comments;
            }
            """, """
            package blog;

            import dev.ferro.*;

            @Model
            public class Comment {
                @Id public Long id;
                @ForeignKey(relatedName = "comments") public Ref<Post> post;
            }
            """, """
            package blog;

            import dev.ferro.*;

            @Model
            public class Tag {
                @Id public Long id;
                @BackRef public Relation<Post> posts;
            }
            """, """
            package blog;

            import dev.ferro.*;

            @Model
            public class Profile {
                @Id public Long id;
                @ForeignKey(relatedName = "profile", unique = true) public Ref<User> user;
            }
            """};

    @Test
    void foreignKeysAreRefAttributesAndOtherRelationsRelationAttributes() throws IOException {
        Compilation c = Compilation.run(dir, BLOG);

        assertEquals(List.of(), c.problems());
        assertEquals("""
                package blog;

                import javax.annotation.processing.Generated;

                @Generated("dev.ferro.processor.MetamodelProcessor")
                public final class Post_ {
                    public static final dev.ferro.IntegralAttribute<blog.Post, java.lang.Long> id = new dev.ferro.IntegralAttribute<>(blog.Post.class, "id", java.lang.Long.class);
                    public static final dev.ferro.TextAttribute<blog.Post> title = new dev.ferro.TextAttribute<>(blog.Post.class, "title");
                    public static final dev.ferro.RefAttribute<blog.Post, blog.User> author = new dev.ferro.RefAttribute<>(blog.Post.class, "author", blog.User.class);
                    public static final dev.ferro.RelationAttribute<blog.Post, blog.Tag> tags = new dev.ferro.RelationAttribute<>(blog.Post.class, "tags", blog.Tag.class);
                    public static final dev.ferro.RelationAttribute<blog.Post, blog.Comment> comments = new dev.ferro.RelationAttribute<>(blog.Post.class, "comments", blog.Comment.class);

                    private Post_() {
                    }
                }
                """, c.generatedSource("blog.Post_"));
        assertEquals("""
                package blog;

                import javax.annotation.processing.Generated;

                @Generated("dev.ferro.processor.MetamodelProcessor")
                public final class User_ {
                    public static final dev.ferro.IntegralAttribute<blog.User, java.lang.Long> id = new dev.ferro.IntegralAttribute<>(blog.User.class, "id", java.lang.Long.class);
                    public static final dev.ferro.TextAttribute<blog.User> name = new dev.ferro.TextAttribute<>(blog.User.class, "name");
                    public static final dev.ferro.RelationAttribute<blog.User, blog.Post> posts = new dev.ferro.RelationAttribute<>(blog.User.class, "posts", blog.Post.class);
                    public static final dev.ferro.RelationAttribute<blog.User, blog.Profile> profile = new dev.ferro.RelationAttribute<>(blog.User.class, "profile", blog.Profile.class);

                    private User_() {
                    }
                }
                """, c.generatedSource("blog.User_"));
        assertTrue(c.generatedSource("blog.Profile_").contains("    public static final dev.ferro.RefAttribute<blog.Profile, blog.User> user "
                + "= new dev.ferro.RefAttribute<>(blog.Profile.class, \"user\", blog.User.class);\n"));
        assertTrue(c.generatedSource("blog.Tag_").contains("    public static final dev.ferro.RelationAttribute<blog.Tag, blog.Post> posts "
                + "= new dev.ferro.RelationAttribute<>(blog.Tag.class, \"posts\", blog.Post.class);\n"));
        assertEquals(List.of("blog.Comment", "blog.Post", "blog.Profile", "blog.Tag", "blog.User"), c.index());
    }

    @Test
    void relationAttributesTypeCheckAsFiltersAndPrefetchPaths() throws Exception {
        List<String> sources = new ArrayList<>(List.of(BLOG));
        sources.add("""
                package blog;

                import dev.ferro.*;
                import java.util.List;

                public class Uses {
                    public static final Condition<Post> ORPHANS = Post_.author.isNull();
                    public static final Condition<Post> BY_ALICE = Post_.author.eq(Ref.ofId(1L));
                    public static final Prefetch<User> POSTS_AND_COMMENTS = Prefetch.path(User_.posts, Post_.comments);
                    public static final Prefetch<Comment> AUTHORS = Prefetch.path(Comment_.post, Post_.author);
                    public static final List<Prefetch<Post>> ALL = List.of(Post_.author, Post_.tags, Post_.comments);
                    public static final Relationship<User, Profile> PROFILE = User_.profile;
                    public static final Attribute<Profile, Ref<User>> OWNER = Profile_.user;
                }
                """);
        Compilation c = Compilation.run(dir, sources.toArray(String[]::new));
        assertEquals(List.of(), c.problems());

        try (URLClassLoader loader = c.loader()) {
            Class<?> user = loader.loadClass("blog.User");
            Class<?> post = loader.loadClass("blog.Post");
            Class<?> postMetamodel = loader.loadClass("blog.Post_");
            Class<?> userMetamodel = loader.loadClass("blog.User_");
            Class<?> uses = loader.loadClass("blog.Uses");

            RefAttribute<?, ?> author = (RefAttribute<?, ?>) postMetamodel.getField("author").get(null);
            assertEquals(post, author.model());
            assertEquals("author", author.name());
            assertEquals(user, author.target());
            assertEquals(Ref.class, author.type());
            RelationAttribute<?, ?> profile = (RelationAttribute<?, ?>) userMetamodel.getField("profile").get(null);
            assertEquals(user, profile.model());
            assertEquals(loader.loadClass("blog.Profile"), profile.target());
            assertEquals("dev.ferro.RelationAttribute<blog.Post, blog.Tag>", postMetamodel.getField("tags").getGenericType().getTypeName());

            Condition.IsNull<?> orphans = (Condition.IsNull<?>) uses.getField("ORPHANS").get(null);
            assertSame(author, orphans.attribute());
            assertFalse(orphans.negated());
            Prefetch<?> path = (Prefetch<?>) uses.getField("POSTS_AND_COMMENTS").get(null);
            assertEquals(List.of(userMetamodel.getField("posts").get(null), postMetamodel.getField("comments").get(null)), path.steps());
        }
    }

    @Test
    void aPrefetchPathThatDoesNotFollowTheRelationsDoesNotCompile() throws IOException {
        List<String> sources = new ArrayList<>(List.of(BLOG));
        sources.add("""
                package blog;

                import dev.ferro.*;

                public class Wrong {
                    // comments are Comments, whose path cannot go on with a relation of Post
                    Prefetch<User> backwards = Prefetch.path(User_.posts, Prefetch.path(Post_.comments, Post_.tags));
                }
                """);
        sources.add("""
                package blog;

                public class NoColumn {
                    // a back reference has no column to filter on
                    Object empty = User_.posts.isNull();
                }
                """);
        Compilation c = Compilation.run(dir, sources.toArray(String[]::new));

        assertFalse(c.success);
        List<String> errorLocations = c.diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getSource().getName() + ":" + d.getLineNumber()).sorted().collect(Collectors.toList());
        assertEquals(List.of("/blog/NoColumn.java:5", "/blog/Wrong.java:7"), errorLocations);
    }

    @Test
    void indexListsEveryModelByBinaryNameSorted() throws IOException {
        Compilation c = Compilation.run(dir, """
                package b;

                @dev.ferro.Model
                public class Zeta {
                    @dev.ferro.Id public Long id;
                }
                """, """
                package a;

                public class Outer {
                    @dev.ferro.Model
                    public static class Inner {
                        @dev.ferro.Id public Long id;

                        @dev.ferro.Model
                        public static class Deep {
                            @dev.ferro.Id public Long id;
                        }
                    }

                    public static class NotAModel {
                        public Long id;
                    }
                }
                """, """
                package a;

                @dev.ferro.Model(table = "alphas")
                public class Alpha {
                    @dev.ferro.Id public Long id;
                }
                """, """
                package a;

                public class Plain {
                    public Long id;
                }
                """);

        assertEquals(List.of(), c.problems());
        assertEquals(List.of("a.Alpha", "a.Outer$Inner", "a.Outer$Inner$Deep", "b.Zeta"), c.index());
    }

    @Test
    void theIndexOptionFalseLeavesTheIndexOutButStillGeneratesMetamodels() throws IOException {
        Compilation c = Compilation.run(dir, List.of(MetamodelProcessor.class.getName()), List.of("-Aferro.index=false"), """
                package a;

                @dev.ferro.Model
                public class Alpha {
                    @dev.ferro.Id public Long id;
                    public String name;
                }
                """);

        assertEquals(List.of(), c.problems());
        assertEquals(null, c.index());
        assertEquals(List.of("id", "name"), c.attributeNames("a.Alpha_"));
    }

    @Test
    void nestedModelsGetMetamodelsNamedAfterTheirEnclosingClasses() throws Exception {
        Compilation c = Compilation.run(dir, """
                package a;

                public class Outer {
                    @dev.ferro.Model
                    public static class Inner {
                        @dev.ferro.Id public Long id;
                        public Kind kind;

                        public enum Kind { SMALL, LARGE }
                    }
                }
                """);

        assertEquals(List.of(), c.problems());
        assertFalse(c.hasGenerated("a.Inner_"));
        try (URLClassLoader loader = c.loader()) {
            Class<?> metamodel = loader.loadClass("a.Outer_Inner_");
            Attribute<?, ?> kind = (Attribute<?, ?>) metamodel.getField("kind").get(null);
            assertEquals(loader.loadClass("a.Outer$Inner"), kind.model());
            assertEquals(loader.loadClass("a.Outer$Inner$Kind"), kind.type());
            assertEquals("kind", kind.name());
        }
    }

    @Test
    void aGenericModelIsACompileErrorNamingTheClass() throws IOException {
        Compilation c = Compilation.run(dir, """
                package shop;

                @dev.ferro.Model
                public class Box<T> {
                    @dev.ferro.Id public Long id;
                }
                """, """
                package shop;

                @dev.ferro.Model
                public class Crate {
                    @dev.ferro.Id public Long id;
                }
                """);

        assertFalse(c.success);
        assertEquals(List.of("ERROR: @Model classes cannot be generic: shop.Box declares <T>"), c.problems());
        assertFalse(c.hasGenerated("shop.Box_"));
        assertEquals(List.of("shop.Crate"), c.index());
    }

    @Test
    void metamodelIsOnlyAsVisibleAsItsModel() throws Exception {
        Compilation c = Compilation.run(dir, """
                package shop;

                @dev.ferro.Model
                class Invoice {
                    @dev.ferro.Id Long id;
                    Secret secret;
                    Shown shown;

                    private enum Secret { A }
                    enum Shown { B }

                    @dev.ferro.Model
                    private static class Hidden {
                        @dev.ferro.Id Long id;
                    }
                }
                """);

        assertEquals(List.of(), c.problems());
        assertEquals(List.of("id", "shown"), c.attributeNames("shop.Invoice_"));
        assertFalse(c.hasGenerated("shop.Invoice_Hidden_"));
        assertEquals(List.of("shop.Invoice", "shop.Invoice$Hidden"), c.index());
        try (URLClassLoader loader = c.loader()) {
            int modifiers = loader.loadClass("shop.Invoice_").getModifiers();
            assertFalse(Modifier.isPublic(modifiers));
            assertTrue(Modifier.isFinal(modifiers));
        }
    }

    @Test
    void incrementalCompilationsMergeTheIndexWithTheOneInTheOutput() throws IOException {
        Compilation first = Compilation.run(dir,
                model("m", "Apple"), model("m", "Banana"), model("m", "Cherry"), model("m", "Odd$Name"));
        assertEquals(List.of("m.Apple", "m.Banana", "m.Cherry", "m.Odd$Name"), first.index());

        // Apple is recompiled without @Model, Banana's class is deleted, Cherry and Odd$Name are untouched.
        Files.delete(first.classes.resolve("m/Banana.class"));
        Compilation second = Compilation.run(dir, model("m", "Date"), """
                package m;

                public class Apple {
                    public Long id;
                }
                """);

        assertEquals(List.of(), second.problems());
        assertEquals(List.of("m.Cherry", "m.Date", "m.Odd$Name"), second.index());
    }

    @Test
    void waitsForSuperclassesAndEnumsThatAnotherProcessorGenerates() throws IOException {
        Compilation c = Compilation.run(dir,
                List.of(MetamodelProcessor.class.getName(), BaseGeneratingProcessor.class.getName()), """
                package shop;

                @dev.ferro.Model
                public class Ticket extends gen.GeneratedBase {
                    public gen.Level level;
                    public String subject;
                }
                """);

        assertEquals(List.of(), c.problems());
        assertEquals(List.of("id", "stamp", "level", "subject"), c.attributeNames("shop.Ticket_"));
        assertTrue(c.generatedSource("shop.Ticket_").contains(
                "dev.ferro.Attribute<shop.Ticket, gen.Level> level = new dev.ferro.Attribute<>(shop.Ticket.class, \"level\", gen.Level.class);"));
    }

    @Test
    void aMissingFieldTypeIsTheOnlyErrorAndTheMetamodelStillExists() throws IOException {
        Compilation c = Compilation.run(dir, """
                package shop;

                @dev.ferro.Model
                public class Broken {
                    @dev.ferro.Id public Long id;
                    public NoSuchType missing;
                    public String label;
                }
                """, """
                package shop;

                public class Uses {
                    Object label = Broken_.label;
                }
                """);

        assertFalse(c.success);
        List<String> errors = c.messages(Diagnostic.Kind.ERROR);
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.get(0).contains("NoSuchType"), errors::toString);
        assertEquals(List.of("id", "label"), c.attributeNames("shop.Broken_"));
    }

    @Test
    void isRegisteredAsAServiceForTheModelAnnotationAndTheLatestSourceVersion() {
        List<Class<?>> registered = ServiceLoader.load(Processor.class, MetamodelProcessorTest.class.getClassLoader())
                .stream().map(ServiceLoader.Provider::type).collect(Collectors.toList());
        assertTrue(registered.contains(MetamodelProcessor.class), registered::toString);

        MetamodelProcessor processor = new MetamodelProcessor();
        assertEquals(Set.of("dev.ferro.Model"), processor.getSupportedAnnotationTypes());
        assertEquals(SourceVersion.latestSupported(), processor.getSupportedSourceVersion());
    }

    private static String model(String pkg, String name) {
        return "package " + pkg + ";\n\n@dev.ferro.Model\npublic class " + name + " {\n    @dev.ferro.Id public Long id;\n}\n";
    }

    /** {@code name Kind Type} for each static field, in declaration order, checking each belongs to {@code model}. */
    private static List<String> describe(Class<?> metamodel, Class<?> model) throws IllegalAccessException {
        List<String> lines = new ArrayList<>();
        for (Field field : metamodel.getDeclaredFields()) {
            Attribute<?, ?> attribute = (Attribute<?, ?>) field.get(null);
            assertEquals(model, attribute.model(), field.getName());
            assertEquals(field.getName(), attribute.name());
            lines.add(attribute.name() + " " + attribute.getClass().getSimpleName() + " " + attribute.type().getSimpleName());
        }
        return lines;
    }
}
