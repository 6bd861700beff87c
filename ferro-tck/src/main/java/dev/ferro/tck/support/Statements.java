package dev.ferro.tck.support;

import dev.ferro.SqlListener;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/** Counts the statements that the calling thread runs: other requests, on threads of their own, are not counted. */
@ApplicationScoped
public class Statements implements SqlListener {
    private final ThreadLocal<List<String>> recording = new ThreadLocal<>();

    @Override
    public void executed(String sql, int batchSize) {
        List<String> statements = recording.get();
        if (statements != null) {
            statements.add(sql);
        }
    }

    /** The statements {@code work} ran on this thread. */
    public List<String> during(Runnable work) {
        List<String> outer = recording.get();
        List<String> statements = new ArrayList<>();
        recording.set(statements);
        try {
            work.run();
        } finally {
            if (outer == null) {
                recording.remove();
            } else {
                recording.set(outer);
            }
        }
        return statements;
    }
}
