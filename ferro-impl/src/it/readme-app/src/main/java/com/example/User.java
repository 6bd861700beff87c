package com.example;

import dev.ferro.Id;
import dev.ferro.Model;
import dev.ferro.Unique;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The README's model. */
@Model
public class User {
    @Id public Long id;
    @Unique @NotBlank @Size(max = 50) public String username;
    @Email public String email;
    public int age;

    public User() {
    }

    public User(String username, String email, int age) {
        this.username = username;
        this.email = email;
        this.age = age;
    }
}
