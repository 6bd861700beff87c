package dev.ferro.impl.relation;

import dev.ferro.BackRef;
import dev.ferro.Id;
import dev.ferro.Model;
import dev.ferro.Ref;
import dev.ferro.Relation;

/** A user: writes posts, has at most one profile, sends and receives messages. */
@Model(table = "rel_user")
public class RelUser {
    @Id
    public Long id;

    public String name;

    @BackRef
    public Relation<RelPost> posts;

    @BackRef
    public Ref<RelProfile> profile;

    @BackRef
    public Relation<RelMessage> sent;

    @BackRef
    public Relation<RelMessage> received;

    public RelUser() {
    }

    public RelUser(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return "RelUser[" + id + ", " + name + "]";
    }
}
