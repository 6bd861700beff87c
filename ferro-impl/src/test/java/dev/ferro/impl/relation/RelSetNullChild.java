package dev.ferro.impl.relation;

import dev.ferro.ForeignKey;
import dev.ferro.Id;
import dev.ferro.Model;
import dev.ferro.OnDelete;
import dev.ferro.Ref;

/** A child whose foreign key is ON DELETE SET NULL. */
@Model(table = "rel_set_null_child")
public class RelSetNullChild {
    @Id
    public Long id;

    @ForeignKey(relatedName = "", onDelete = OnDelete.SET_NULL, nullable = true)
    public Ref<RelOwner> owner;

    public RelSetNullChild() {
    }

    public RelSetNullChild(RelOwner owner) {
        this.owner = Ref.of(owner);
    }
}
