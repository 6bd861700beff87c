package dev.ferro.examples.blog;

import dev.ferro.BackRef;
import dev.ferro.Id;
import dev.ferro.Model;
import dev.ferro.Relation;
import dev.ferro.Unique;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A tag, linked to posts many-to-many (the join table blog_post_tags). */
@Model(table = "blog_tag")
@JsonbPropertyOrder({"id", "name"})
public class Tag {
    @Id
    public Long id;

    @Unique
    @NotBlank
    @Size(max = 30)
    @Pattern(regexp = "[a-z0-9-]*", message = "only lower-case letters, digits and -")
    public String name;

    @BackRef
    public Relation<Post> posts;
}
