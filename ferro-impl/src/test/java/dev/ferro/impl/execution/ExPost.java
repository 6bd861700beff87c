package dev.ferro.impl.execution;

import dev.ferro.ForeignKey;
import dev.ferro.Id;
import dev.ferro.ManyToMany;
import dev.ferro.Model;
import dev.ferro.Ref;
import dev.ferro.Relation;

/** A post of the scripted session: one author, many tags. */
@Model(table = "ex_post")
public class ExPost {
    @Id
    public Long id;

    public String title;

    @ForeignKey(relatedName = "posts")
    public Ref<ExAuthor> author;

    @ManyToMany(relatedName = "posts")
    public Relation<ExTag> tags;

    public ExPost() {
    }

    public ExPost(String title, ExAuthor author) {
        this.title = title;
        this.author = Ref.of(author);
    }
}
