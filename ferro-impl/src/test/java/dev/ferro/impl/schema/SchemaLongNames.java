package dev.ferro.impl.schema;

import dev.ferro.Id;
import dev.ferro.Index;
import dev.ferro.Model;
import dev.ferro.Unique;
import jakarta.validation.constraints.Size;

/**
 * Constraint and index names far beyond 63 characters whose first 63 characters are the same,
 * so that names cut without care would collide (PostgreSQL cuts them silently).
 */
@Model(table = "schema_long_names")
@Unique({"firstRatherLongColumnName", "secondaryRatherLongAlpha"})
@Unique({"firstRatherLongColumnName", "secondaryRatherLongOmega"})
@Index({"firstRatherLongColumnName", "secondaryRatherLongAlpha"})
@Index({"firstRatherLongColumnName", "secondaryRatherLongOmega"})
public class SchemaLongNames {
    @Id
    public Long id;

    @Size(max = 50)
    public String firstRatherLongColumnName;

    @Size(max = 50)
    public String secondaryRatherLongAlpha;

    @Size(max = 50)
    public String secondaryRatherLongOmega;

    public SchemaLongNames() {
    }

    public SchemaLongNames(String first, String alpha, String omega) {
        this.firstRatherLongColumnName = first;
        this.secondaryRatherLongAlpha = alpha;
        this.secondaryRatherLongOmega = omega;
    }
}
