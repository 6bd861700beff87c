package dev.ferro.bench.model.ferro;

import dev.ferro.BackRef;
import dev.ferro.Model;
import dev.ferro.Relation;

@Model(table = "bench_author")
public class Author {
    @dev.ferro.Id
    public Long id;
    public String name;
    @BackRef
    public Relation<Post> posts;

    public Author() {
    }
}
