package dev.ferro.examples.blog;

import dev.ferro.ForeignKey;
import dev.ferro.Id;
import dev.ferro.Model;
import dev.ferro.Ref;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A comment on a post; deleting the post or the author deletes it. */
@Model(table = "blog_comment")
@JsonbPropertyOrder({"id", "post", "author", "body"})
public class Comment {
    @Id
    public Long id;

    @ForeignKey(relatedName = "comments")
    public Ref<Post> post;

    @ForeignKey(relatedName = "comments")
    public Ref<User> author;

    @NotBlank
    @Size(max = 2000)
    public String body;
}
