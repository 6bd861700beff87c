package dev.ferro.impl.stream;

import dev.ferro.BackRef;
import dev.ferro.Id;
import dev.ferro.Model;
import dev.ferro.Relation;

/** An author of streamed books: the to-one side a stream prefetches. */
@Model(table = "stream_author")
public class StreamAuthor {
    @Id
    public Long id;

    public String name;

    @BackRef
    public Relation<StreamBook> books;

    public StreamAuthor() {
    }

    public StreamAuthor(String name) {
        this.name = name;
    }
}
