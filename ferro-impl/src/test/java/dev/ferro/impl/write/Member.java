package dev.ferro.impl.write;

import dev.ferro.Id;
import dev.ferro.Model;
import dev.ferro.Unique;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A member with a unique, validated username, a validated email, an age and an optional city. */
@Model(table = "wr_member")
public class Member {
    @Id
    public Long id;

    @Unique
    @NotBlank
    @Size(max = 20)
    public String username;

    @Email
    public String email;

    @Min(0)
    public int age;

    public String city;

    public Member() {
    }

    public Member(String username, String email, int age) {
        this.username = username;
        this.email = email;
        this.age = age;
    }

    public Member(Long id, String username) {
        this(username, username + "@example.com", 30);
        this.id = id;
    }

    @Override
    public String toString() {
        return "Member[" + id + ", " + username + "]";
    }
}
