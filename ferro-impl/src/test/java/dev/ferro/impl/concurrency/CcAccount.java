package dev.ferro.impl.concurrency;

import dev.ferro.Id;
import dev.ferro.Model;

import java.math.BigDecimal;

/** An account without a version: concurrent writers go through row locks or update expressions. */
@Model(table = "cc_account")
public class CcAccount {
    @Id
    public Long id;

    public String name;

    public long balance;

    public Integer points;

    public Integer bonus;

    public BigDecimal rate;

    public CcAccount() {
    }

    public CcAccount(String name, long balance) {
        this.name = name;
        this.balance = balance;
    }
}
