package dev.ferro.impl.migration;

import dev.ferro.Id;
import dev.ferro.Model;
import dev.ferro.Unique;
import jakarta.validation.constraints.NotNull;

/** The model that the migration scripts of the test resources make, V1 its table and V2 its nickname. */
@Model(table = "mig_account")
public class MigAccount {
    @Id
    public Long id;

    @Unique
    @NotNull
    public String email;

    public String nickname;

    public MigAccount() {
    }

    public MigAccount(String email, String nickname) {
        this.email = email;
        this.nickname = nickname;
    }
}
