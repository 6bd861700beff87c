package dev.ferro.impl.crud;

import dev.ferro.Column;
import dev.ferro.Id;
import dev.ferro.Model;

/** A model whose table and columns are named explicitly, next to one default (snake_case) column. */
@Model(table = "crud_renamed_things")
public class CrudRenamed {
    @Id
    @Column(name = "thing_no")
    public Long id;

    @Column(name = "display_label")
    public String label;

    public int sortRank;

    public CrudRenamed() {
    }

    public CrudRenamed(String label, int sortRank) {
        this.label = label;
        this.sortRank = sortRank;
    }
}
