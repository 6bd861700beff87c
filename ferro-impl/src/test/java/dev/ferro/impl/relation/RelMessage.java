package dev.ferro.impl.relation;

import dev.ferro.ForeignKey;
import dev.ferro.Id;
import dev.ferro.Model;
import dev.ferro.OnDelete;
import dev.ferro.Ref;

/** Two foreign keys to the same model, each with its own reverse side. */
@Model(table = "rel_message")
public class RelMessage {
    @Id
    public Long id;

    public String text;

    @ForeignKey(relatedName = "sent", onDelete = OnDelete.RESTRICT)
    public Ref<RelUser> sender;

    @ForeignKey(relatedName = "received", onDelete = OnDelete.CASCADE)
    public Ref<RelUser> recipient;

    public RelMessage() {
    }

    public RelMessage(String text, RelUser sender, RelUser recipient) {
        this.text = text;
        this.sender = Ref.of(sender);
        this.recipient = Ref.of(recipient);
    }
}
