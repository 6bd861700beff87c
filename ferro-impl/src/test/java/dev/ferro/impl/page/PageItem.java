package dev.ferro.impl.page;

import dev.ferro.Column;
import dev.ferro.Id;
import dev.ferro.Model;

import java.time.LocalDate;

/** A row of the cursor-page tests: a score with many ties, a name, an optional date. */
@Model(table = "page_item")
public class PageItem {
    @Id
    public Long id;

    public int score;

    @Column(nullable = false)
    public String name;

    public LocalDate due;

    public PageItem() {
    }

    public PageItem(int score, String name) {
        this.score = score;
        this.name = name;
    }
}
