package dev.ferro.bench.model.plain;

import java.util.ArrayList;
import java.util.List;

/** A post with its author and tags loaded. */
public class Post {
    public Long id;
    public String title;
    public Author author;
    public List<Tag> tags;

    public Post() {
        this.tags = new ArrayList<>();
    }

    public Post(Long id, String title, Author author, List<Tag> tags) {
        this.id = id;
        this.title = title;
        this.author = author;
        this.tags = tags;
    }
}
