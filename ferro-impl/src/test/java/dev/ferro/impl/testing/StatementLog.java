package dev.ferro.impl.testing;

import dev.ferro.SqlListener;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Records every statement Ferro runs, so tests can count them. */
public final class StatementLog implements SqlListener {
    /** One executed statement. */
    public record Entry(String sql, int batchSize) {
        public boolean isSelect() {
            return sql.stripLeading().toUpperCase(Locale.ROOT).startsWith("SELECT");
        }
    }

    /** Synchronized rather than copy-on-write: a concurrency test adds tens of thousands of entries. */
    private final List<Entry> entries = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void executed(String sql, int batchSize) {
        entries.add(new Entry(sql, batchSize));
    }

    public List<Entry> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    public int count() {
        return entries.size();
    }

    public long selects() {
        return entries().stream().filter(Entry::isSelect).count();
    }

    public void clear() {
        entries.clear();
    }
}
