package dev.ferro.impl.metadata;

import dev.ferro.Id;
import dev.ferro.Model;

/** A valid model next to the invalid ones. */
@Model(table = "md_tag")
public class MdTag {
    @Id
    public Long id;

    public String label;
}
