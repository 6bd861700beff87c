package dev.ferro.impl.relation;

import dev.ferro.BackRef;
import dev.ferro.Id;
import dev.ferro.ManyToMany;
import dev.ferro.Model;
import dev.ferro.Relation;

/** A many-to-many to its own model: the join table's columns are from_id and to_id. */
@Model(table = "rel_person")
public class RelPerson {
    @Id
    public Long id;

    public String name;

    @ManyToMany(relatedName = "followers")
    public Relation<RelPerson> follows;

    @BackRef
    public Relation<RelPerson> followers;

    public RelPerson() {
    }

    public RelPerson(String name) {
        this.name = name;
    }
}
