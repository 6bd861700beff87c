package dev.ferro.tck.model;

import dev.ferro.Id;
import dev.ferro.Model;
import dev.ferro.Unique;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;

/** A second model: an account whose balance may not go below zero. */
@Model(table = "tck_account")
public class TckAccount {
    @Id
    public Long id;

    @Unique
    @NotBlank
    public String owner;

    @PositiveOrZero
    public long balance;

    public TckAccount() {
    }

    public TckAccount(String owner, long balance) {
        this.owner = owner;
        this.balance = balance;
    }
}
