package dev.ferro.impl.schema;

import dev.ferro.ForeignKey;
import dev.ferro.Id;
import dev.ferro.Model;
import dev.ferro.OnDelete;
import dev.ferro.Ref;

/** A required foreign key (indexed, deleted with its account), for the foreign-key checks of validate. */
@Model(table = "schema_address")
public class SchemaAddress {
    @Id
    public Long id;

    @ForeignKey(relatedName = "", onDelete = OnDelete.CASCADE)
    public Ref<SchemaAccount> account;

    public String street;
}
