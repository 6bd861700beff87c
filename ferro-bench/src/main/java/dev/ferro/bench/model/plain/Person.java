package dev.ferro.bench.model.plain;

import java.time.LocalDateTime;

/** The plain row object of raw JDBC, Jdbi and jOOQ (Jdbi maps its fields, jOOQ its constructor). */
public class Person {
    public Long id;
    public String username;
    public String email;
    public int age;
    public double score;
    public boolean active;
    public LocalDateTime createdAt;

    public Person() {
    }

    public Person(Long id, String username, String email, int age, double score, boolean active, LocalDateTime createdAt) {
        this.id = id;
        this.username = username;
        this.email = email;
        this.age = age;
        this.score = score;
        this.active = active;
        this.createdAt = createdAt;
    }
}
