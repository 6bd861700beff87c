package dev.ferro.impl.schema;

import dev.ferro.Column;
import dev.ferro.Id;
import dev.ferro.ManyToMany;
import dev.ferro.Model;
import dev.ferro.Relation;

import java.math.BigDecimal;

/** A decimal of a given precision and scale, and a many-to-many whose join table validate checks too. */
@Model(table = "schema_price")
public class SchemaPrice {
    @Id
    public Long id;

    @Column(precision = 12, scale = 4)
    public BigDecimal rate;

    @ManyToMany(relatedName = "")
    public Relation<SchemaLongNames> labels;
}
