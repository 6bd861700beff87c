package dev.ferro.impl.relation;

import dev.ferro.ForeignKey;
import dev.ferro.Id;
import dev.ferro.Model;
import dev.ferro.OnDelete;
import dev.ferro.Ref;

/** A child whose foreign key is ON DELETE RESTRICT. */
@Model(table = "rel_restrict_child")
public class RelRestrictChild {
    @Id
    public Long id;

    @ForeignKey(relatedName = "", onDelete = OnDelete.RESTRICT)
    public Ref<RelOwner> owner;

    public RelRestrictChild() {
    }

    public RelRestrictChild(RelOwner owner) {
        this.owner = Ref.of(owner);
    }
}
