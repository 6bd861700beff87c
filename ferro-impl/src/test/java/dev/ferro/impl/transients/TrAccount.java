package dev.ferro.impl.transients;

import dev.ferro.Id;
import dev.ferro.Model;

/** An account of the transient-failure tests: a balance that concurrent transactions fight over. */
@Model(table = "tr_account")
public class TrAccount {
    @Id
    public Long id;

    public String name;

    public int balance;

    public TrAccount() {
    }

    public TrAccount(String name, int balance) {
        this.name = name;
        this.balance = balance;
    }
}
