package dev.ferro.impl.transaction;

import dev.ferro.Id;
import dev.ferro.Model;
import dev.ferro.Unique;

/** An account of the transaction tests: a unique name and a balance. */
@Model(table = "tx_account")
public class TxAccount {
    @Id
    public Long id;

    @Unique
    public String name;

    public int balance;

    public TxAccount() {
    }

    public TxAccount(String name, int balance) {
        this.name = name;
        this.balance = balance;
    }

    @Override
    public String toString() {
        return "TxAccount[" + id + ", " + name + ", " + balance + "]";
    }
}
