package dev.ferro.impl.safety;

import dev.ferro.Id;
import dev.ferro.Model;

/** A second table that the payloads try to drop, empty or read; it must survive every one of them. */
@Model(table = "inj_sentinel")
public class InjectionSentinel {
    @Id
    public Long id;

    public String note;

    public InjectionSentinel() {
    }

    public InjectionSentinel(String note) {
        this.note = note;
    }
}
