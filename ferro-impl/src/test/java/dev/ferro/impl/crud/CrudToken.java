package dev.ferro.impl.crud;

import dev.ferro.Id;
import dev.ferro.Model;

import java.util.UUID;

/** A model keyed by a UUID that the application assigns. */
@Model(table = "crud_token")
public class CrudToken {
    @Id
    public UUID id;

    public String label;

    public CrudToken() {
    }

    public CrudToken(UUID id, String label) {
        this.id = id;
        this.label = label;
    }
}
