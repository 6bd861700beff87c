package dev.ferro.tck.model;

import dev.ferro.BackRef;
import dev.ferro.Id;
import dev.ferro.Model;
import dev.ferro.Relation;
import dev.ferro.Unique;

/** The target of a foreign key: an author, whose articles are the reverse side of {@link TckArticle#author}. */
@Model(table = "tck_author")
public class TckAuthor {
    @Id
    public Long id;

    @Unique
    public String name;

    @BackRef
    public Relation<TckArticle> articles;

    public TckAuthor() {
    }

    public TckAuthor(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return "TckAuthor #" + id + " " + name;
    }
}
