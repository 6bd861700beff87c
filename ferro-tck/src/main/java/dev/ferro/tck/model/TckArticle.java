package dev.ferro.tck.model;

import dev.ferro.ForeignKey;
import dev.ferro.Id;
import dev.ferro.ManyToMany;
import dev.ferro.Model;
import dev.ferro.OnDelete;
import dev.ferro.Ref;
import dev.ferro.Relation;

/**
 * An article: one author (a foreign key; deleting the author deletes the article) and labels (a
 * many-to-many, join table {@code tck_article_labels}).
 */
@Model(table = "tck_article")
public class TckArticle {
    @Id
    public Long id;

    public String title;

    @ForeignKey(relatedName = "articles", onDelete = OnDelete.CASCADE)
    public Ref<TckAuthor> author;

    @ManyToMany(relatedName = "articles")
    public Relation<TckLabel> labels;

    public TckArticle() {
    }

    public TckArticle(String title, Ref<TckAuthor> author) {
        this.title = title;
        this.author = author;
    }

    @Override
    public String toString() {
        return "TckArticle #" + id + " " + title;
    }
}
