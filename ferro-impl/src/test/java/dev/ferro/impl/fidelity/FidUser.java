package dev.ferro.impl.fidelity;

import dev.ferro.Id;
import dev.ferro.Model;

/** A model with an {@code Integer} key, for keys that do not fit it. */
@Model(table = "fid_user")
public class FidUser {
    @Id
    public Integer id;

    public String name;

    public FidUser() {
    }

    public FidUser(String name) {
        this.name = name;
    }
}
