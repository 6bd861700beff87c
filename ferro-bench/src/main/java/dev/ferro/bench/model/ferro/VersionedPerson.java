package dev.ferro.bench.model.ferro;

import dev.ferro.Model;
import dev.ferro.Version;

/** {@link Person}'s columns and a {@code @Version}, in a table of its own: the ferro-versioned library's row. */
@Model(table = "bench_versioned_person")
public class VersionedPerson extends Person {
    @Version
    public long version;

    public VersionedPerson() {
    }
}
