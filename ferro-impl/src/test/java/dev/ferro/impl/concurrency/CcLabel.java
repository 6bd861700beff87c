package dev.ferro.impl.concurrency;

import dev.ferro.Id;
import dev.ferro.BackRef;
import dev.ferro.Relation;
import dev.ferro.Model;
import dev.ferro.Unique;

/** A label linked to parents through a join table; its text is unique. */
@Model(table = "cc_label")
public class CcLabel {
    @Id
    public Long id;

    @Unique
    public String text;

    @BackRef
    public Relation<CcParent> parents;

    public CcLabel() {
    }

    public CcLabel(String text) {
        this.text = text;
    }
}
