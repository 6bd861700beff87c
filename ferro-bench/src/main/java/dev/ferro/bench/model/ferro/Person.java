package dev.ferro.bench.model.ferro;

import dev.ferro.Index;
import dev.ferro.Model;

import java.time.LocalDateTime;

/** The row of the select, get-by-id and filter workloads: seven columns of common types. */
@Model(table = "bench_person")
public class Person {
    @dev.ferro.Id
    public Long id;
    public String username;
    public String email;
    @Index
    public int age;
    public double score;
    public boolean active;
    public LocalDateTime createdAt;

    public Person() {
    }
}
