package dev.ferro.impl.schema;

import dev.ferro.Id;
import dev.ferro.Model;
import jakarta.validation.constraints.NotNull;

/** The first version of a model whose next version, {@link GenPeople}, renames its table and a column. */
@Model(table = "gen_person")
public class GenPerson {
    @Id
    public Long id;

    @NotNull
    public String name;

    public int age;

    public GenPerson() {
    }

    public GenPerson(String name, int age) {
        this.name = name;
        this.age = age;
    }
}
