package dev.ferro.impl.raw;

import dev.ferro.Id;
import dev.ferro.Model;
import dev.ferro.Unique;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

/** A row with a column of each common type, written by raw SQL and read back through the ORM. */
@Model(table = "raw_item")
public class RawItem {
    @Id
    public Long id;

    @Unique
    public String name;

    public Integer quantity;

    public Long stock;

    public Boolean active;

    public BigDecimal unitPrice;

    public LocalDate released;

    public UUID token;

    public LocalDateTime updatedAt;

    public RawStatus status;

    public RawItem() {
    }

    public RawItem(String name, Integer quantity) {
        this.name = name;
        this.quantity = quantity;
    }
}
