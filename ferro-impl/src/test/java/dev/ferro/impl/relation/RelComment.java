package dev.ferro.impl.relation;

import dev.ferro.ForeignKey;
import dev.ferro.Id;
import dev.ferro.Model;
import dev.ferro.Ref;

/** A comment on a post, by an optional author whose deletion leaves the comment anonymous. */
@Model(table = "rel_comment")
public class RelComment {
    @Id
    public Long id;

    public String body;

    @ForeignKey(relatedName = "comments")
    public Ref<RelPost> post;

    public RelComment() {
    }

    public RelComment(String body, RelPost post) {
        this.body = body;
        this.post = Ref.of(post);
    }
}
