package dev.ferro.impl.relation;

import dev.ferro.BackRef;
import dev.ferro.Id;
import dev.ferro.Model;
import dev.ferro.Relation;
import dev.ferro.Unique;

/** A tag: the reverse side of {@link RelPost#tags}. */
@Model(table = "rel_tag")
public class RelTag {
    @Id
    public Long id;

    @Unique
    public String name;

    @BackRef
    public Relation<RelPost> posts;

    public RelTag() {
    }

    public RelTag(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return "RelTag[" + id + ", " + name + "]";
    }
}
