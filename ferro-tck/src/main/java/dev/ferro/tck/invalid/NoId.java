package dev.ferro.tck.invalid;

import dev.ferro.Model;

/** Invalid: a model without an {@code @Id} field. Listed only in the index of the deployment that tests it. */
@Model(table = "tck_no_id")
public class NoId {
    public Long code;
    public String name;
}
