package dev.ferro.impl.query;

import dev.ferro.Id;
import dev.ferro.Model;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The rows most query tests filter, order and page: numbers, text, dates, decimals, an enum, NULLs. */
@Model(table = "query_person")
public class QueryPerson {
    @Id
    public Long id;

    public String name;

    public Integer age;

    public String city;

    public boolean active;

    public LocalDate born;

    public BigDecimal score;

    public QueryLevel level;

    public QueryPerson() {
    }

    public QueryPerson(String name, Integer age, String city, boolean active, LocalDate born, BigDecimal score,
                       QueryLevel level) {
        this.name = name;
        this.age = age;
        this.city = city;
        this.active = active;
        this.born = born;
        this.score = score;
        this.level = level;
    }

    @Override
    public String toString() {
        return "QueryPerson[" + id + ", " + name + "]";
    }
}
