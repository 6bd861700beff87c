package dev.ferro.bench.model.ferro;

import dev.ferro.ForeignKey;
import dev.ferro.ManyToMany;
import dev.ferro.Model;
import dev.ferro.Ref;
import dev.ferro.Relation;

/** A post with one author (column {@code author_id}) and tags (join table {@code bench_post_tags}). */
@Model(table = "bench_post")
public class Post {
    @dev.ferro.Id
    public Long id;
    public String title;
    @ForeignKey(relatedName = "posts")
    public Ref<Author> author;
    @ManyToMany(relatedName = "posts")
    public Relation<Tag> tags;

    public Post() {
    }
}
