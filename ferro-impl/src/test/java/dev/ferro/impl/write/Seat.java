package dev.ferro.impl.write;

import dev.ferro.Id;
import dev.ferro.Model;
import dev.ferro.Unique;

/** One seat per place in a hall: a composite unique constraint. */
@Model(table = "wr_seat")
@Unique({"hall", "place"})
public class Seat {
    @Id
    public Long id;

    public String hall;

    public int place;

    public Seat() {
    }

    public Seat(String hall, int place) {
        this.hall = hall;
        this.place = place;
    }
}
