package dev.ferro.tck.model;

import dev.ferro.Id;
import dev.ferro.Model;
import dev.ferro.Unique;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The TCK's main model: a plain class with a plain annotation, seen by CDI only in bean-discovery-mode all. */
@Model(table = "tck_person")
public class TckPerson {
    @Id
    public Long id;

    @Unique
    @NotBlank
    @Size(max = 40)
    public String name;

    public int age;

    public boolean active = true;

    @Email
    public String email;

    public TckPerson() {
    }

    public TckPerson(String name, int age) {
        this.name = name;
        this.age = age;
    }

    public TckPerson(String name, int age, String email) {
        this(name, age);
        this.email = email;
    }

    @Override
    public String toString() {
        return "TckPerson #" + id + " " + name + " (" + age + ")";
    }
}
