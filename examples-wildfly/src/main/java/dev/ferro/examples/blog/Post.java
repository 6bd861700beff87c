package dev.ferro.examples.blog;

import dev.ferro.BackRef;
import dev.ferro.Column;
import dev.ferro.ForeignKey;
import dev.ferro.Id;
import dev.ferro.Index;
import dev.ferro.ManyToMany;
import dev.ferro.Model;
import dev.ferro.OnDelete;
import dev.ferro.Ref;
import dev.ferro.Relation;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDateTime;

/**
 * A post. In JSON the author is its id ({@code "author":7}); tags and comments appear only where the
 * endpoint prefetched them. {@code publishedAt} came with the second release (migration V2, which added
 * the column and its index to the table of the first).
 */
@Model(table = "blog_post")
@JsonbPropertyOrder({"id", "title", "body", "author", "publishedAt", "tags", "comments"})
public class Post {
    @Id
    public Long id;

    @NotBlank
    @Size(max = 200)
    public String title;

    @NotNull
    @Column(length = Column.UNLIMITED)
    public String body;

    /** When the post went public; none for a draft. */
    @Index
    public LocalDateTime publishedAt;

    /** A user who still has posts cannot be deleted (409). */
    @ForeignKey(relatedName = "posts", onDelete = OnDelete.RESTRICT)
    public Ref<User> author;

    @ManyToMany(relatedName = "posts")
    public Relation<Tag> tags;

    @BackRef
    public Relation<Comment> comments;
}
