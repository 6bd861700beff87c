package dev.ferro.impl.query;

import dev.ferro.Id;
import dev.ferro.Model;

/** Free text for pattern matching, including the characters LIKE and GLOB treat specially. */
@Model(table = "query_text")
public class QueryText {
    @Id
    public Long id;

    public String body;

    public QueryText() {
    }

    public QueryText(String body) {
        this.body = body;
    }
}
