package dev.ferro.impl.metadata;

import dev.ferro.Column;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@link ModelReader} makes of a model class: columns, their order, nullability, lengths and indexes. */
class ModelReaderTest {
    private final ModelMetadata<MdArticle> article = new ModelReader(ColumnTypes.NONE).read(MdArticle.class);

    @Test
    void idComesFirstThenSuperclassFieldsThenDeclarationOrder() {
        assertEquals(List.of("id", "createdAt", "title", "views", "rank", "slug", "body", "author", "subtitle", "summary",
                        "code", "content", "featured"),
                article.fields().stream().map(FieldMetadata::name).toList());
        assertEquals("id", article.id().name());
    }

    @Test
    void staticAndTransientFieldsAreNotColumns() {
        List<String> names = article.fields().stream().map(FieldMetadata::name).toList();

        assertFalse(names.contains("instances"));
        assertFalse(names.contains("KIND"));
        assertFalse(names.contains("preview"));
    }

    @Test
    void columnsAreSnakeCaseUnlessNamed() {
        assertEquals("created_at", article.field("createdAt").column());
        assertEquals("is_featured", article.field("featured").column());
        assertEquals("md_article", article.table());
    }

    @Test
    void tableDefaultsToSnakeCaseOfTheClassName() {
        ModelMetadata<MdBlogPost> post = new ModelReader(ColumnTypes.NONE).read(MdBlogPost.class);

        assertEquals("md_blog_post", post.table());
        assertEquals("head_line", post.field("headLine").column());
    }

    @Test
    void primitivesNotNullNotBlankNotEmptyAndNonNullableColumnsAreNotNull() {
        assertEquals(List.of("id", "views", "rank", "slug", "body", "author"), article.fields().stream()
                .filter(field -> !field.nullable()).map(FieldMetadata::name).toList());
    }

    @Test
    void stringLengthComesFromColumnThenSizeThen255() {
        assertEquals(255, article.field("title").length());
        assertEquals(80, article.field("subtitle").length());
        assertEquals(120, article.field("summary").length());
        assertEquals(255, article.field("code").length());
        assertEquals(Column.UNLIMITED, article.field("content").length());
    }

    @Test
    void typesAreBoxedAndPrimitivenessIsKept() {
        assertEquals(Integer.class, article.field("views").type());
        assertTrue(article.field("views").primitive());
        assertFalse(article.field("rank").primitive());
        assertEquals(ValueKind.INSTANT, article.field("createdAt").kind());
    }

    @Test
    void generatedLongIdIsNotNullAndGenerated() {
        assertTrue(article.id().isId());
        assertTrue(article.id().generated());
        assertFalse(article.id().nullable());
    }

    @Test
    void uniqueAndIndexNamesDefaultToPrefixTableAndColumns() {
        assertEquals("uq_md_article_slug=true [slug], idx_md_article_title_views=false [title, views]",
                article.indexes().stream().map(index -> index.name() + "=" + index.unique() + " " + index.columns())
                        .collect(Collectors.joining(", ")));
    }
}
