package dev.ferro.impl.concurrency;

import dev.ferro.ForeignKey;
import dev.ferro.Id;
import dev.ferro.Model;
import dev.ferro.Ref;
import dev.ferro.Unique;
import jakarta.validation.constraints.NotNull;

/** A child whose name is unique within its parent. */
@Model(table = "cc_child")
@Unique({"parent", "name"})
public class CcChild {
    @Id
    public Long id;

    @NotNull
    @ForeignKey(relatedName = "children")
    public Ref<CcParent> parent;

    @NotNull
    public String name;

    public int size;

    public CcChild() {
    }

    public CcChild(String name) {
        this.name = name;
    }
}
