package dev.ferro.impl.write;

import dev.ferro.Column;
import dev.ferro.Id;
import dev.ferro.Model;

/** A title that is NOT NULL in the database only: Bean Validation does not check it. */
@Model(table = "wr_note")
public class Note {
    @Id
    public Long id;

    @Column(nullable = false)
    public String title;

    public String body;

    public Note() {
    }

    public Note(String title, String body) {
        this.title = title;
        this.body = body;
    }
}
