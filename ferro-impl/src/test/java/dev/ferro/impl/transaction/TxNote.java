package dev.ferro.impl.transaction;

import dev.ferro.Id;
import dev.ferro.Model;

/** A second model, to show that evicting one model from the identity map leaves the others alone. */
@Model(table = "tx_note")
public class TxNote {
    @Id
    public Long id;

    public String text;

    public TxNote() {
    }

    public TxNote(String text) {
        this.text = text;
    }
}
