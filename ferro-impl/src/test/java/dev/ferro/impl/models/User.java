package dev.ferro.impl.models;

import dev.ferro.Id;
import dev.ferro.Model;
import dev.ferro.Unique;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The users of the tests: a unique username, a validated email, an age. */
@Model(table = "app_user")
public class User {
    @Id
    public Long id;

    @Unique
    @NotBlank
    @Size(max = 50)
    public String username;

    @Email
    public String email;

    @Min(0)
    public int age;

    public boolean active = true;

    public User() {
    }

    public User(String username, String email, int age) {
        this.username = username;
        this.email = email;
        this.age = age;
    }

    @Override
    public String toString() {
        return "User[" + id + ", " + username + "]";
    }
}
