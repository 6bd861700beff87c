package dev.ferro.impl.execution;

import dev.ferro.BackRef;
import dev.ferro.Id;
import dev.ferro.Model;
import dev.ferro.Relation;

/** A tag of the scripted session: the other side of {@link ExPost#tags}. */
@Model(table = "ex_tag")
public class ExTag {
    @Id
    public Long id;

    public String name;

    @BackRef
    public Relation<ExPost> posts;

    public ExTag() {
    }

    public ExTag(String name) {
        this.name = name;
    }
}
