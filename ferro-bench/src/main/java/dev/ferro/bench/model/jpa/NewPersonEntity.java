package dev.ferro.bench.model.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.LocalDateTime;

/**
 * The insert workload's entity. Hibernate does not batch inserts of IDENTITY ids (it needs each id
 * before the next insert), so, as its documentation advises for batching, ids come from a pooled
 * sequence (allocation 50, Hibernate's default) that the benchmark schema adds for it; the table is
 * the same as everyone else's.
 */
@Entity
@Table(name = "bench_person_insert")
public class NewPersonEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "insert_ids")
    @SequenceGenerator(name = "insert_ids", sequenceName = "bench_person_insert_seq", allocationSize = 50)
    public Long id;
    public String username;
    public String email;
    public int age;
    public double score;
    public boolean active;
    @Column(name = "created_at")
    public LocalDateTime createdAt;

    public NewPersonEntity() {
    }

    public NewPersonEntity(String username, String email, int age, double score, boolean active, LocalDateTime createdAt) {
        this.username = username;
        this.email = email;
        this.age = age;
        this.score = score;
        this.active = active;
        this.createdAt = createdAt;
    }
}
