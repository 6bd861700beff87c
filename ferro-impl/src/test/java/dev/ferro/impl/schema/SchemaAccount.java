package dev.ferro.impl.schema;

import dev.ferro.Id;
import dev.ferro.Index;
import dev.ferro.Model;
import dev.ferro.Unique;
import jakarta.validation.constraints.NotNull;

/** A unique column, an indexed column, a required primitive and an optional column. */
@Model(table = "schema_account")
public class SchemaAccount {
    @Id
    public Long id;

    @Unique
    @NotNull
    public String email;

    @Index
    public String city;

    public int age;

    public String nickname;

    public SchemaAccount() {
    }

    public SchemaAccount(String email, int age) {
        this.email = email;
        this.age = age;
    }
}
