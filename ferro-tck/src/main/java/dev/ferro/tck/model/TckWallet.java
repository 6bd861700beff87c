package dev.ferro.tck.model;

import dev.ferro.Id;
import dev.ferro.Model;
import dev.ferro.Version;
import jakarta.validation.constraints.NotBlank;

/**
 * A model with optimistic locking, for the write-conflict contract. {@code savings} is a second number column,
 * so that an update can copy one column into another without touching the version.
 */
@Model(table = "tck_wallet")
public class TckWallet {
    @Id
    public Long id;

    @NotBlank
    public String owner;

    public long balance;

    public long savings;

    @Version
    public long version;

    public TckWallet() {
    }

    public TckWallet(String owner, long balance) {
        this.owner = owner;
        this.balance = balance;
    }

    @Override
    public String toString() {
        return "TckWallet #" + id + " " + owner + " (" + balance + ", version " + version + ")";
    }
}
