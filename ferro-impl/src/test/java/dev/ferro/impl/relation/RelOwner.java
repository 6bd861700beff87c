package dev.ferro.impl.relation;

import dev.ferro.Id;
import dev.ferro.Model;

/** The row the onDelete children point at; it declares no reverse sides (their relatedName is empty). */
@Model(table = "rel_owner")
public class RelOwner {
    @Id
    public Long id;

    public String name;

    public RelOwner() {
    }

    public RelOwner(String name) {
        this.name = name;
    }
}
