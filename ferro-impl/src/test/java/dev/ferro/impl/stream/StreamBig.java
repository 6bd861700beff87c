package dev.ferro.impl.stream;

import dev.ferro.Id;
import dev.ferro.Model;

/** A row of the million-row table that {@link BoundedMemoryStreamMain} streams in a small heap. */
@Model(table = "stream_big")
public class StreamBig {
    @Id
    public Long id;

    public String payload;
}
