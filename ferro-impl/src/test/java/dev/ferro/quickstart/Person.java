package dev.ferro.quickstart;

import dev.ferro.Id;
import dev.ferro.Model;
import dev.ferro.Unique;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The quickstart's model: one class is the table, the validation rules and the object you use. */
@Model
public class Person {
    @Id public Long id;
    @Unique @NotBlank @Size(max = 50) public String username;
    @Email public String email;
    @Min(0) public int age;

    public Person() {
    }

    public Person(String username, String email, int age) {
        this.username = username;
        this.email = email;
        this.age = age;
    }

    @Override
    public String toString() {
        return "Person #" + id + " " + username + " (" + age + ")";
    }
}
