package dev.ferro.impl.concurrency;

import dev.ferro.Id;
import dev.ferro.Model;
import dev.ferro.Version;

/** An account with optimistic locking. */
@Model(table = "cc_versioned")
public class CcVersioned {
    @Id
    public Long id;

    public String name;

    public long balance;

    @Version
    public long version;

    public CcVersioned() {
    }

    public CcVersioned(String name, long balance) {
        this.name = name;
        this.balance = balance;
    }
}
