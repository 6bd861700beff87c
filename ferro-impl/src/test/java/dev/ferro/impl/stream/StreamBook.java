package dev.ferro.impl.stream;

import dev.ferro.ForeignKey;
import dev.ferro.Id;
import dev.ferro.Model;
import dev.ferro.Ref;

/** A streamed row: a sequence number to check order and completeness, and an author to prefetch. */
@Model(table = "stream_book")
public class StreamBook {
    @Id
    public Long id;

    public int seq;

    public String title;

    @ForeignKey(relatedName = "books")
    public Ref<StreamAuthor> author;

    public StreamBook() {
    }

    public StreamBook(int seq, StreamAuthor author) {
        this.seq = seq;
        this.title = "book" + seq;
        this.author = Ref.of(author);
    }
}
