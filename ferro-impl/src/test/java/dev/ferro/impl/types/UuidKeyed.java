package dev.ferro.impl.types;

import dev.ferro.Id;
import dev.ferro.Model;

import java.util.UUID;

/** A model whose key is a UUID the application assigns. */
@Model(table = "types_uuid_keyed")
public class UuidKeyed {
    @Id
    public UUID id;

    public String name;

    public UuidKeyed() {
    }

    public UuidKeyed(UUID id, String name) {
        this.id = id;
        this.name = name;
    }
}
