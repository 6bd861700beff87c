package dev.ferro.impl.schema;

import dev.ferro.Column;
import dev.ferro.Id;
import dev.ferro.Model;
import jakarta.validation.constraints.NotNull;

/**
 * {@link GenPerson}'s next version: the table renamed, {@code name} renamed {@code full_name}, a required
 * column with a default and one without, which the migration fills with a backfill value.
 */
@Model(table = "gen_people", renamedFrom = "gen_person")
public class GenPeople {
    @Id
    public Long id;

    @NotNull
    @Column(renamedFrom = "name")
    public String fullName;

    public int age;

    @Column(nullable = false, defaultValue = "active")
    public String status = "active";

    @NotNull
    public String city;

    public GenPeople() {
    }
}
