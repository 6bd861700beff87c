package dev.ferro.impl.safety;

import dev.ferro.Column;
import dev.ferro.Id;
import dev.ferro.Model;

/** A user whose name holds hostile input; long enough for the long payloads and their wrapped copies. */
@Model(table = "inj_user")
public class InjectionUser {
    @Id
    public Long id;

    @Column(length = 10_000)
    public String username;

    public InjectionUser() {
    }

    public InjectionUser(String username) {
        this.username = username;
    }
}
