package dev.ferro.examples.blog;

import dev.ferro.BackRef;
import dev.ferro.Id;
import dev.ferro.Model;
import dev.ferro.Relation;
import dev.ferro.Unique;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A user of the blog: the table blog_user, the request body of POST /users and the response of every user endpoint. */
@Model(table = "blog_user")
@JsonbPropertyOrder({"id", "username", "email"})
public class User {
    @Id
    public Long id;

    @Unique
    @NotBlank
    @Size(max = 30)
    @Pattern(regexp = "[a-z0-9_]*", message = "only lower-case letters, digits and _")
    public String username;

    @NotBlank
    @Email
    @Size(max = 100)
    public String email;

    /** Left out of the JSON unless prefetched. */
    @BackRef
    public Relation<Post> posts;

    @BackRef
    public Relation<Comment> comments;
}
