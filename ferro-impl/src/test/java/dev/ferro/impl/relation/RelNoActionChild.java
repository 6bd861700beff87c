package dev.ferro.impl.relation;

import dev.ferro.ForeignKey;
import dev.ferro.Id;
import dev.ferro.Model;
import dev.ferro.OnDelete;
import dev.ferro.Ref;

/** A child whose foreign key is ON DELETE NO ACTION. */
@Model(table = "rel_no_action_child")
public class RelNoActionChild {
    @Id
    public Long id;

    @ForeignKey(relatedName = "", onDelete = OnDelete.NO_ACTION)
    public Ref<RelOwner> owner;

    public RelNoActionChild() {
    }

    public RelNoActionChild(RelOwner owner) {
        this.owner = Ref.of(owner);
    }
}
