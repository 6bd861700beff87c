package dev.ferro.impl.fidelity;

import dev.ferro.Column;
import dev.ferro.ForeignKey;
import dev.ferro.Id;
import dev.ferro.Model;
import dev.ferro.Ref;

import java.math.BigDecimal;

/** One column of each kind whose values a database could round, cut, wrap or replace. */
@Model(table = "fid_value")
public class FidValue {
    @Id
    public Long id;

    /** The default decimal column: precision 38, scale 2. */
    public BigDecimal price;

    @Column(precision = 5, scale = 2)
    public BigDecimal small;

    @Column(length = 20)
    public String name;

    public Double ratio;

    public Float weight;

    public Integer count;

    public Short level;

    @ForeignKey(relatedName = "", nullable = true)
    public Ref<FidUser> owner;

    public FidValue() {
    }
}
