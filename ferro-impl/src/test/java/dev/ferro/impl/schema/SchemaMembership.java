package dev.ferro.impl.schema;

import dev.ferro.Id;
import dev.ferro.Index;
import dev.ferro.Model;
import dev.ferro.Unique;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A composite unique constraint and a composite index declared on the class. */
@Model(table = "schema_membership")
@Unique({"groupName", "memberName"})
@Index({"groupName", "joinedOn"})
public class SchemaMembership {
    @Id
    public Long id;

    @NotNull
    @Size(max = 50)
    public String groupName;

    @NotNull
    @Size(max = 50)
    public String memberName;

    public LocalDate joinedOn;

    public SchemaMembership() {
    }

    public SchemaMembership(String groupName, String memberName) {
        this.groupName = groupName;
        this.memberName = memberName;
    }
}
