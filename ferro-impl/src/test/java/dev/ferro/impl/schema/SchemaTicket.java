package dev.ferro.impl.schema;

import dev.ferro.Column;
import dev.ferro.Id;
import dev.ferro.Model;

import java.math.BigDecimal;

/** Columns with database defaults of each kind that takes one, for rows written by other SQL or a migration. */
@Model(table = "schema_ticket")
public class SchemaTicket {
    /** An enum's default is its constant's name. */
    public enum State { OPEN, CLOSED }

    @Id
    public Long id;

    public String title;

    @Column(defaultValue = "OPEN", nullable = false)
    public State state = State.OPEN;

    @Column(defaultValue = "3")
    public int priority = 3;

    @Column(defaultValue = "true")
    public boolean visible = true;

    @Column(defaultValue = "1.50", precision = 6, scale = 2)
    public BigDecimal fee;

    /** A quote and a backslash, which each database's literal must keep as they are. */
    @Column(defaultValue = "it's a \\ back-slash", length = 40)
    public String note;

    public SchemaTicket() {
    }
}
