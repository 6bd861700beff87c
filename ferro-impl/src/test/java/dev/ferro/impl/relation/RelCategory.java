package dev.ferro.impl.relation;

import dev.ferro.BackRef;
import dev.ferro.ForeignKey;
import dev.ferro.Id;
import dev.ferro.Model;
import dev.ferro.OnDelete;
import dev.ferro.Ref;
import dev.ferro.Relation;

/** A self-reference: deleting a parent leaves its children at the top level. */
@Model(table = "rel_category")
public class RelCategory {
    @Id
    public Long id;

    public String name;

    @ForeignKey(relatedName = "children", nullable = true, onDelete = OnDelete.SET_NULL)
    public Ref<RelCategory> parent;

    @BackRef
    public Relation<RelCategory> children;

    public RelCategory() {
    }

    public RelCategory(String name, RelCategory parent) {
        this.name = name;
        this.parent = parent == null ? null : Ref.of(parent);
    }
}
