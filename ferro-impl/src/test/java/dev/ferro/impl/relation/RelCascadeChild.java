package dev.ferro.impl.relation;

import dev.ferro.ForeignKey;
import dev.ferro.Id;
import dev.ferro.Model;
import dev.ferro.OnDelete;
import dev.ferro.Ref;

/** A child whose foreign key is ON DELETE CASCADE. */
@Model(table = "rel_cascade_child")
public class RelCascadeChild {
    @Id
    public Long id;

    @ForeignKey(relatedName = "", onDelete = OnDelete.CASCADE)
    public Ref<RelOwner> owner;

    public RelCascadeChild() {
    }

    public RelCascadeChild(RelOwner owner) {
        this.owner = Ref.of(owner);
    }
}
