package dev.ferro.bench.model.ferro;

import dev.ferro.Model;

import java.time.LocalDateTime;

/** The insert workload's row: {@link Person}'s columns in a table of its own, emptied before each insert. */
@Model(table = "bench_person_insert")
public class NewPerson {
    @dev.ferro.Id
    public Long id;
    public String username;
    public String email;
    public int age;
    public double score;
    public boolean active;
    public LocalDateTime createdAt;

    public NewPerson() {
    }

    public NewPerson(String username, String email, int age, double score, boolean active, LocalDateTime createdAt) {
        this.username = username;
        this.email = email;
        this.age = age;
        this.score = score;
        this.active = active;
        this.createdAt = createdAt;
    }
}
