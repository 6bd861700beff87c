package dev.ferro.tck.model;

import dev.ferro.BackRef;
import dev.ferro.Id;
import dev.ferro.Model;
import dev.ferro.Relation;
import dev.ferro.Unique;

/** A label: the reverse side of the many-to-many {@link TckArticle#labels}. */
@Model(table = "tck_label")
public class TckLabel {
    @Id
    public Long id;

    @Unique
    public String name;

    @BackRef
    public Relation<TckArticle> articles;

    public TckLabel() {
    }

    public TckLabel(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return "TckLabel #" + id + " " + name;
    }
}
