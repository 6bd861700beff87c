package dev.ferro.tck.migration;

import dev.ferro.Column;
import dev.ferro.Id;
import dev.ferro.Index;
import dev.ferro.Model;
import jakarta.validation.constraints.NotBlank;

/**
 * The model of the migration contract, as the deployment's second script leaves its table: {@code V2} creates
 * {@code tck_entry} with an id and a 40-character title and writes two rows; {@code V3} widens the title to 60,
 * indexes it, and adds {@code memo}, filled for the rows already there.
 */
@Model(table = "tck_entry")
public class TckEntry {
    @Id
    public Long id;

    @NotBlank
    @Index
    @Column(length = 60)
    public String title;

    @Column(length = 80)
    public String memo;

    public TckEntry() {
    }

    public TckEntry(String title, String memo) {
        this.title = title;
        this.memo = memo;
    }

    @Override
    public String toString() {
        return "TckEntry #" + id + " " + title + " (" + memo + ")";
    }
}
