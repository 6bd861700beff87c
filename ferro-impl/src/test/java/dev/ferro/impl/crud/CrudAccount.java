package dev.ferro.impl.crud;

import dev.ferro.Id;
import dev.ferro.Model;

/** A model whose fields are private, reached through getters and setters. */
@Model(table = "crud_account")
public class CrudAccount {
    @Id
    private Long id;

    private String owner;

    private Integer balance;

    private boolean frozen;

    public CrudAccount() {
    }

    public CrudAccount(String owner, Integer balance) {
        this.owner = owner;
        this.balance = balance;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public Integer getBalance() {
        return balance;
    }

    public void setBalance(Integer balance) {
        this.balance = balance;
    }

    public boolean isFrozen() {
        return frozen;
    }

    public void setFrozen(boolean frozen) {
        this.frozen = frozen;
    }
}
