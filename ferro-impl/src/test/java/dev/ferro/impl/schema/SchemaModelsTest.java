package dev.ferro.impl.schema;

import dev.ferro.OnDelete;
import dev.ferro.impl.metadata.ColumnTypes;
import dev.ferro.impl.metadata.ModelRegistry;
import dev.ferro.impl.metadata.ValueKind;
import dev.ferro.impl.relation.RelComment;
import dev.ferro.impl.relation.RelPost;
import dev.ferro.impl.relation.RelTag;
import dev.ferro.impl.relation.RelUser;
import dev.ferro.impl.schema.SchemaModel.Column;
import dev.ferro.impl.schema.SchemaModel.Constraint;
import dev.ferro.impl.schema.SchemaModel.ForeignKey;
import dev.ferro.impl.schema.SchemaModel.Table;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schema model that models' metadata gives: the tables the schema step creates, as data. */
class SchemaModelsTest {

    private static SchemaModel schemaOf(Class<?>... models) {
        ModelRegistry registry = new ModelRegistry(ColumnTypes.NONE);
        registry.declare(List.of(models));
        return SchemaModels.of(registry);
    }

    @Test
    void aModelsTableHasItsColumnsByKindAndSizeItsKeyUniquesAndIndexes() {
        Table table = schemaOf(SchemaMembership.class).tables().get(0);

        assertEquals("schema_membership", table.name());
        assertEquals(List.of(
                new Column("id", ValueKind.LONG, 0, 0, 0, false, true),
                new Column("group_name", ValueKind.STRING, 50, 0, 0, false, false),
                new Column("member_name", ValueKind.STRING, 50, 0, 0, false, false),
                new Column("joined_on", ValueKind.LOCAL_DATE, 0, 0, 0, true, false)), table.columns());
        assertEquals(List.of("id"), table.primaryKey());
        assertEquals(List.of(new Constraint("uq_schema_membership_group_name_member_name", List.of("group_name", "member_name"))),
                table.uniques());
        assertEquals(List.of(new Constraint("idx_schema_membership_group_name_joined_on", List.of("group_name", "joined_on"))),
                table.indexes());
        assertEquals(List.of(), table.foreignKeys());
    }

    @Test
    void foreignKeysAndJoinTablesComeAfterTheTablesTheyPointAt() {
        SchemaModel schema = schemaOf(RelUser.class, RelTag.class, RelPost.class, RelComment.class);

        List<String> order = schema.tables().stream().map(Table::name).toList();
        assertEquals(5, order.size());
        assertTrue(order.indexOf("rel_user") < order.indexOf("rel_post"), order::toString);
        assertTrue(order.indexOf("rel_post") < order.indexOf("rel_comment"), order::toString);
        assertEquals("rel_post_tags", order.get(4));
        Table post = schema.table("rel_post").orElseThrow();
        ForeignKey author = post.foreignKeys().get(0);
        assertEquals(List.of("author_id"), author.columns());
        assertEquals("rel_user", author.targetTable());
        assertEquals(List.of("id"), author.targetColumns());

        Table tags = schema.table("rel_post_tags").orElseThrow();
        assertEquals(List.of(new Column("rel_post_id", ValueKind.LONG, 0, 0, 0, false, false),
                new Column("rel_tag_id", ValueKind.LONG, 0, 0, 0, false, false)), tags.columns());
        assertEquals(List.of(), tags.primaryKey());
        assertEquals(List.of(List.of("rel_post_id", "rel_tag_id")), tags.uniques().stream().map(Constraint::columns).toList());
        assertEquals(List.of(List.of("rel_tag_id")), tags.indexes().stream().map(Constraint::columns).toList());
        assertEquals(List.of(new ForeignKey("fk_rel_post_tags_rel_post_id", List.of("rel_post_id"), "rel_post", List.of("id"), OnDelete.CASCADE),
                new ForeignKey("fk_rel_post_tags_rel_tag_id", List.of("rel_tag_id"), "rel_tag", List.of("id"), OnDelete.CASCADE)),
                tags.foreignKeys());
    }
}
