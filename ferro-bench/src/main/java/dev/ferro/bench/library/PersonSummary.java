package dev.ferro.bench.library;

/** The projection workload's row: three of {@code bench_person}'s columns, as a list view would show them. */
public record PersonSummary(long id, String username, int age) {
}
