package dev.ferro.impl.relation;

import dev.ferro.ForeignKey;
import dev.ferro.Id;
import dev.ferro.Model;
import dev.ferro.Ref;

/** One-to-one: at most one profile per user. */
@Model(table = "rel_profile")
public class RelProfile {
    @Id
    public Long id;

    public String bio;

    @ForeignKey(relatedName = "profile", unique = true)
    public Ref<RelUser> user;

    public RelProfile() {
    }

    public RelProfile(String bio, RelUser user) {
        this.bio = bio;
        this.user = Ref.of(user);
    }
}
