package dev.ferro.tck.invalid;

import dev.ferro.Id;
import dev.ferro.Model;

/** Invalid: {@code java.util.Date} is not a type Ferro stores. */
@Model(table = "tck_unsupported_field")
public class UnsupportedField {
    @Id
    public Long id;

    public java.util.Date born;
}
