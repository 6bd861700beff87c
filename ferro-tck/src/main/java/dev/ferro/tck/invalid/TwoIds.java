package dev.ferro.tck.invalid;

import dev.ferro.Id;
import dev.ferro.Model;

/** Invalid: two {@code @Id} fields. */
@Model(table = "tck_two_ids")
public class TwoIds {
    @Id
    public Long id;

    @Id
    public Long other;
}
