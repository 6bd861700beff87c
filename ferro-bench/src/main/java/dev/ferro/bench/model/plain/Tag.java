package dev.ferro.bench.model.plain;

public class Tag {
    public Long id;
    public String name;

    public Tag() {
    }

    public Tag(Long id, String name) {
        this.id = id;
        this.name = name;
    }
}
