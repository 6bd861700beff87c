package dev.ferro.impl.relation;

import dev.ferro.BackRef;
import dev.ferro.ForeignKey;
import dev.ferro.Id;
import dev.ferro.ManyToMany;
import dev.ferro.Model;
import dev.ferro.Ref;
import dev.ferro.Relation;
import jakarta.validation.constraints.NotBlank;

/** A post: one author (deleting the author deletes the post), tags, comments. */
@Model(table = "rel_post")
public class RelPost {
    @Id
    public Long id;

    @NotBlank
    public String title;

    @ForeignKey(relatedName = "posts")
    public Ref<RelUser> author;

    @ManyToMany(relatedName = "posts")
    public Relation<RelTag> tags;

    @BackRef
    public Relation<RelComment> comments;

    public RelPost() {
    }

    public RelPost(String title, RelUser author) {
        this.title = title;
        this.author = author == null ? null : Ref.of(author);
    }

    @Override
    public String toString() {
        return "RelPost[" + id + ", " + title + "]";
    }
}
