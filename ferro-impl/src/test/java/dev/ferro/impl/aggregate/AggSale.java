package dev.ferro.impl.aggregate;

import dev.ferro.Column;
import dev.ferro.Id;
import dev.ferro.Model;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A sale: the rows the aggregate tests sum, average and group, with whole numbers, decimals, doubles and NULLs. */
@Model(table = "agg_sale")
public class AggSale {
    @Id
    public Long id;

    @Column(nullable = false)
    public String region;

    public int units;

    public Integer bonus;

    @Column(precision = 10, scale = 2, nullable = false)
    public BigDecimal amount;

    public double weight;

    public long views;

    public LocalDate sold;

    public AggSale() {
    }

    public AggSale(String region, int units, Integer bonus, String amount, double weight, long views, LocalDate sold) {
        this.region = region;
        this.units = units;
        this.bonus = bonus;
        this.amount = new BigDecimal(amount);
        this.weight = weight;
        this.views = views;
        this.sold = sold;
    }
}
