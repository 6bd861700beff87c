package dev.ferro.tck.model;

import dev.ferro.Id;
import dev.ferro.Model;

/** A model whose table no deployment creates: with {@code ferro.schema=validate}, the start must fail. */
@Model(table = "tck_never_created")
public class TckNeverCreated {
    @Id
    public Long id;

    public String label;
}
