package dev.ferro.tck.types;

import dev.ferro.Column;
import dev.ferro.Id;
import dev.ferro.Model;

/** A model with a field of the application's own value type. */
@Model(table = "tck_invoice")
public class TckInvoice {
    @Id
    public Long id;

    public String note;

    @Column(precision = 8, scale = 2, nullable = false)
    public TckAmount total;

    public TckInvoice() {
    }

    public TckInvoice(String note, TckAmount total) {
        this.note = note;
        this.total = total;
    }
}
