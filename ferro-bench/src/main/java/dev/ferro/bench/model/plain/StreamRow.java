package dev.ferro.bench.model.plain;

/** The plain row object of raw JDBC's stream workload. */
public class StreamRow {
    public long id;
    public String label;
    public int amount;
    public double price;

    public StreamRow(long id, String label, int amount, double price) {
        this.id = id;
        this.label = label;
        this.amount = amount;
        this.price = price;
    }
}
