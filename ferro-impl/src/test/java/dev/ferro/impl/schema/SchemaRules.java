package dev.ferro.impl.schema;

import dev.ferro.ForeignKey;
import dev.ferro.Id;
import dev.ferro.Model;
import dev.ferro.OnDelete;
import dev.ferro.Ref;

/** A foreign key of each delete rule but CASCADE (SchemaAddress has that one), which validate must see as declared. */
@Model(table = "schema_rules")
public class SchemaRules {
    @Id
    public Long id;

    @ForeignKey(relatedName = "", onDelete = OnDelete.RESTRICT, nullable = true)
    public Ref<SchemaLongNames> restricted;

    @ForeignKey(relatedName = "", onDelete = OnDelete.SET_NULL, nullable = true)
    public Ref<SchemaLongNames> setNull;

    @ForeignKey(relatedName = "", onDelete = OnDelete.NO_ACTION, nullable = true)
    public Ref<SchemaLongNames> noAction;
}
