package dev.ferro.examples.blog;

import dev.ferro.BackRef;
import dev.ferro.Column;
import dev.ferro.ForeignKey;
import dev.ferro.Id;
import dev.ferro.ManyToMany;
import dev.ferro.Model;
import dev.ferro.OnDelete;
import dev.ferro.Ref;
import dev.ferro.Relation;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The post of the blog's first release, as migration V1 made its table (before V2 added {@code published_at}):
 * {@code UpgradeIT} deploys a WAR with it, writes over HTTP, then deploys the current release on the same
 * database. Compiled on its own (the pom's {@code compile-v1}), never part of the WAR the build packages.
 */
@Model(table = "blog_post")
@JsonbPropertyOrder({"id", "title", "body", "author", "tags", "comments"})
public class Post {
    @Id
    public Long id;

    @NotBlank
    @Size(max = 200)
    public String title;

    @NotNull
    @Column(length = Column.UNLIMITED)
    public String body;

    /** A user who still has posts cannot be deleted (409). */
    @ForeignKey(relatedName = "posts", onDelete = OnDelete.RESTRICT)
    public Ref<User> author;

    @ManyToMany(relatedName = "posts")
    public Relation<Tag> tags;

    @BackRef
    public Relation<Comment> comments;
}
