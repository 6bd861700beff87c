package dev.ferro.impl.execution;

import dev.ferro.BackRef;
import dev.ferro.Id;
import dev.ferro.Model;
import dev.ferro.Relation;

/** An author of the scripted session: the to-one side of {@link ExPost#author}. */
@Model(table = "ex_author")
public class ExAuthor {
    @Id
    public Long id;

    public String name;

    @BackRef
    public Relation<ExPost> posts;

    public ExAuthor() {
    }

    public ExAuthor(String name) {
        this.name = name;
    }
}
