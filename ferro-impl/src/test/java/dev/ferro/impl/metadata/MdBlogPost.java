package dev.ferro.impl.metadata;

import dev.ferro.Id;
import dev.ferro.Model;

/** A model without a table name: its table is the snake_case of its simple name. */
@Model
public class MdBlogPost {
    @Id
    public Long id;

    public String headLine;
}
