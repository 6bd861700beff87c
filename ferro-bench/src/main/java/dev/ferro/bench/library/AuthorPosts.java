package dev.ferro.bench.library;

/** The report workload's row: an author's id and how many posts they wrote, as a dashboard would show them. */
public record AuthorPosts(long author, long posts) {
}
