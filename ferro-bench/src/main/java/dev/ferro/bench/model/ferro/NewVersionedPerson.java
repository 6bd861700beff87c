package dev.ferro.bench.model.ferro;

import dev.ferro.Model;
import dev.ferro.Version;

import java.time.LocalDateTime;

/** {@link NewPerson} with a {@code @Version} (1 after the insert), in a table of its own. */
@Model(table = "bench_versioned_person_insert")
public class NewVersionedPerson extends NewPerson {
    @Version
    public long version;

    public NewVersionedPerson() {
    }

    public NewVersionedPerson(String username, String email, int age, double score, boolean active, LocalDateTime createdAt) {
        super(username, email, age, score, active, createdAt);
    }
}
