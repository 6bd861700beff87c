package dev.ferro.cdi;

import dev.ferro.Id;
import dev.ferro.Model;
import dev.ferro.Unique;
import jakarta.validation.constraints.NotBlank;

/** A model of the CDI tests. */
@Model(table = "cdi_person")
public class Person {
    @Id
    public Long id;

    @Unique
    @NotBlank
    public String name;

    public Person() {
    }

    public Person(String name) {
        this.name = name;
    }
}
