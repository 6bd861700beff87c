package dev.ferro.bench.model.plain;

public class Author {
    public Long id;
    public String name;

    public Author() {
    }

    public Author(Long id, String name) {
        this.id = id;
        this.name = name;
    }
}
