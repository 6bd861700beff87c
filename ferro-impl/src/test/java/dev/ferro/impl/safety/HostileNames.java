package dev.ferro.impl.safety;

import dev.ferro.Column;
import dev.ferro.Id;
import dev.ferro.Model;

/**
 * A model whose identifiers are SQL keywords or carry quote characters: identifiers come from model
 * metadata and must be quoted, never pasted, on every database.
 */
@Model(table = "inj_t\"; DROP TABLE inj_sentinel; --")
public class HostileNames {
    @Id
    public Long id;

    public String select;

    @Column(name = "from`x\"y'z")
    public String from;

    public int order;

    public HostileNames() {
    }

    public HostileNames(String select, String from, int order) {
        this.select = select;
        this.from = from;
        this.order = order;
    }
}
