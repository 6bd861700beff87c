package dev.ferro.impl.concurrency;

import dev.ferro.BackRef;
import dev.ferro.Id;
import dev.ferro.ManyToMany;
import dev.ferro.Model;
import dev.ferro.Relation;

/** The owner of the relations that concurrent getOrCreate calls race on. */
@Model(table = "cc_parent")
public class CcParent {
    @Id
    public Long id;

    public String name;

    @BackRef
    public Relation<CcChild> children;

    @ManyToMany(relatedName = "parents")
    public Relation<CcLabel> labels;

    public CcParent() {
    }

    public CcParent(String name) {
        this.name = name;
    }
}
