package dev.ferro.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import javax.tools.Diagnostic;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code <Model>_Rows} class: its exact source, and the models it is not written for. */
class RowsWriterTest {

    @TempDir
    Path dir;

    @Test
    void readsEachColumnWithTheGetterOfItsTypeAndSkipsRelationFields() throws IOException {
        Compilation c = Compilation.run(dir, """
                package blog;

                public enum Status { DRAFT, PUBLISHED }
                """, """
                package blog;

                import dev.ferro.*;

                @Model
                public class Author {
                    @Id public Long id;
                    @BackRef public Relation<Post> posts;
                }
                """, """
                package blog;

                import dev.ferro.*;

                public abstract class Entry {
                    protected java.time.LocalDateTime created;
                }
                """, """
                package blog;

                import dev.ferro.*;

                @Model
                public class Post extends Entry {
                    public String title;
                    @Id public long id;
                    @ForeignKey(relatedName = "posts") public Ref<Author> author;
                    @ManyToMany(relatedName = "posts") public Relation<Author> editors;
                    int views;
                    public Integer rating;
                    public Status status;
                    public boolean pinned = true;

                    public Post() {
                    }

                    public Post(String title) {
                        this.title = title;
                    }
                }
                """);

        assertEquals(List.of(), c.messages(Diagnostic.Kind.ERROR, Diagnostic.Kind.WARNING, Diagnostic.Kind.MANDATORY_WARNING));
        assertEquals("""
                package blog;

                @javax.annotation.processing.Generated("dev.ferro.processor.MetamodelProcessor")
                final class Post_Rows implements dev.ferro.spi.ModelRows<Post> {
                    private static final java.util.List<java.lang.String> FIELDS = java.util.List.of("id", "created", "title", "author", "views", "rating", "status", "pinned");

                    Post_Rows() {
                    }

                    @java.lang.Override
                    public java.util.List<java.lang.String> fields() {
                        return FIELDS;
                    }

                    @java.lang.Override
                    public Post read(java.lang.Object id, java.sql.ResultSet row, dev.ferro.spi.Columns columns) throws java.sql.SQLException {
                        Post model = new Post();
                        model.id = (java.lang.Long) id;
                        model.created = columns.getObject(row, 2);
                        model.title = columns.getString(row, 3);
                        model.author = columns.getObject(row, 4);
                        model.views = columns.getInt(row, 5);
                        model.rating = columns.getIntOrNull(row, 6);
                        model.status = columns.getObject(row, 7);
                        model.pinned = columns.getBoolean(row, 8);
                        return model;
                    }
                }
                """, c.generatedSource("blog.Post_Rows"));
        assertTrue(c.hasGenerated("blog.Author_Rows"));
        assertTrue(c.success);
    }

    @Test
    void aNestedModelsRowsAreNamedLikeItsMetamodel() throws IOException {
        Compilation c = Compilation.run(dir, """
                package shop;

                public class Catalog {
                    @dev.ferro.Model
                    public static class Item {
                        @dev.ferro.Id public java.util.UUID id;
                        public double price;
                    }
                }
                """);

        assertTrue(c.success, () -> c.messages(Diagnostic.Kind.ERROR).toString());
        String source = c.generatedSource("shop.Catalog_Item_Rows");
        assertTrue(source.contains("final class Catalog_Item_Rows implements dev.ferro.spi.ModelRows<Catalog.Item> {"), source);
        assertTrue(source.contains("        Catalog.Item model = new Catalog.Item();\n"
                + "        model.id = (java.util.UUID) id;\n"
                + "        model.price = columns.getDouble(row, 2);\n"), source);
    }

    @Test
    void aFieldOfAnApplicationsValueTypeIsReadAsAnObjectWhichTheRuntimeConverts() throws IOException {
        Compilation c = Compilation.run(dir, """
                package shop;

                public record Money(java.math.BigDecimal amount) {
                }
                """, """
                package shop;

                @dev.ferro.Model
                public class Invoice {
                    @dev.ferro.Id public Long id;
                    public Money total;
                }
                """);

        assertTrue(c.success, () -> c.messages(Diagnostic.Kind.ERROR).toString());
        assertTrue(c.generatedSource("shop.Invoice_Rows").contains("        model.id = (java.lang.Long) id;\n"
                + "        model.total = columns.getObject(row, 2);\n"), c.generatedSource("shop.Invoice_Rows"));
        assertTrue(c.generatedSource("shop.Invoice_").contains("public static final dev.ferro.Attribute<shop.Invoice, shop.Money> total = "
                + "new dev.ferro.Attribute<>(shop.Invoice.class, \"total\", shop.Money.class);"), c.generatedSource("shop.Invoice_"));
    }

    /** Each model compiles, gets its metamodel, and gets no rows class: generated code could not set a field or construct it. */
    @ParameterizedTest
    @ValueSource(strings = {
            "@Id public Long id; private String name; public String getName() { return name; } public void setName(String n) { name = n; }",
            "@Id private Long id; public Long getId() { return id; } public void setId(Long id) { this.id = id; }",
            "@Id public Long id; public final String name = \"fixed\";",
            "@Id public Long id; private Product() { }",
            "@Id public Long id; public Product(String name) { }",
            "@Id public Long id; public char grade;",
            "@Id public Long id; public java.util.List<String> tags;",
            "public String name;",
    })
    void noRowsClassWhenGeneratedCodeCannotBuildTheModel(String body) throws IOException {
        Compilation c = Compilation.run(dir, """
                package shop;

                import dev.ferro.*;

                @Model
                public class Product {
                    %s
                }
                """.formatted(body));

        assertTrue(c.success, () -> c.messages(Diagnostic.Kind.ERROR).toString());
        assertTrue(c.hasGenerated("shop.Product_"));
        assertFalse(c.hasGenerated("shop.Product_Rows"));
    }

    @Test
    void noRowsClassWhenAnInheritedFieldIsOnlyReachableFromItsOwnPackage() throws IOException {
        Compilation c = Compilation.run(dir, """
                package base;

                public abstract class Entity {
                    @dev.ferro.Id public Long id;
                    protected String createdBy;
                }
                """, """
                package shop;

                @dev.ferro.Model
                public class Order extends base.Entity {
                    public int total;
                }
                """);

        assertTrue(c.success, () -> c.messages(Diagnostic.Kind.ERROR).toString());
        assertTrue(c.hasGenerated("shop.Order_"));
        assertFalse(c.hasGenerated("shop.Order_Rows"));
    }
}
