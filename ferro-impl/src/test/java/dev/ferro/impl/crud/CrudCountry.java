package dev.ferro.impl.crud;

import dev.ferro.Id;
import dev.ferro.Model;

/** A model with a natural String key that the application assigns. */
@Model(table = "crud_country")
public class CrudCountry {
    @Id
    public String code;

    public String name;

    public CrudCountry() {
    }

    public CrudCountry(String code, String name) {
        this.code = code;
        this.name = name;
    }
}
