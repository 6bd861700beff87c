package dev.ferro.impl.testing;

import dev.ferro.SqlListener;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every statement Ferro runs, so tests can count them. */
public final class StatementLog implements SqlListener {
    /** One executed statement. */
    public record Entry(String sql, int batchSize) {
        public boolean isSelect() {
            return sql.stripLeading().toUpperCase(Locale.ROOT).startsWith("SELECT");
        }
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    @Override
    public void executed(String sql, int batchSize) {
        entries.add(new Entry(sql, batchSize));
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public int count() {
        return entries.size();
    }

    public long selects() {
        return entries.stream().filter(Entry::isSelect).count();
    }

    public void clear() {
        entries.clear();
    }
}
