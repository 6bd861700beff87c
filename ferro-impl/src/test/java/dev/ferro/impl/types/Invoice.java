package dev.ferro.impl.types;

import dev.ferro.Column;
import dev.ferro.Id;
import dev.ferro.Model;

/** A model with fields of two application value types: one registered in the options, one as a service. */
@Model(table = "types_invoice")
public class Invoice {
    @Id
    public Long id;

    @Column(precision = 8, scale = 2, nullable = false)
    public Money total;

    public Money discount;

    @Column(length = 40)
    public EmailAddress billedTo;

    public String note;

    public Invoice() {
    }

    public Invoice(String note, Money total, Money discount, EmailAddress billedTo) {
        this.note = note;
        this.total = total;
        this.discount = discount;
        this.billedTo = billedTo;
    }
}
