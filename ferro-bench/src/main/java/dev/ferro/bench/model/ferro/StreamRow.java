package dev.ferro.bench.model.ferro;

import dev.ferro.Model;

/** The stream workload's row: {@link dev.ferro.bench.DataSet#STREAM_ROWS} of them, read once each per operation. */
@Model(table = "bench_stream_row")
public class StreamRow {
    @dev.ferro.Id
    public Long id;
    public String label;
    public int amount;
    public double price;

    public StreamRow() {
    }
}
