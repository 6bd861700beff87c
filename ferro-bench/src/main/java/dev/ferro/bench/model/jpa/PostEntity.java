package dev.ferro.bench.model.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.util.LinkedHashSet;
import java.util.Set;

/** Mapped onto Ferro's tables: the foreign key {@code author_id}, the join table {@code bench_post_tags}. */
@Entity
@Table(name = "bench_post")
public class PostEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String title;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id")
    public AuthorEntity author;
    @ManyToMany
    @JoinTable(name = "bench_post_tags",
            joinColumns = @JoinColumn(name = "bench_post_id"),
            inverseJoinColumns = @JoinColumn(name = "bench_tag_id"))
    @OrderBy("id")
    public Set<TagEntity> tags = new LinkedHashSet<>();
}
