package dev.ferro.impl.metadata;

import dev.ferro.Id;
import dev.ferro.Model;

/** A valid model whose table must not appear when a model declared with it is rejected. */
@Model(table = "md_draft")
public class MdDraft {
    @Id
    public Long id;

    public String text;
}
