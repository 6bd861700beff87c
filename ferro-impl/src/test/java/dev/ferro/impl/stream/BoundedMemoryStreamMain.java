package dev.ferro.impl.stream;

import dev.ferro.Ferro;
import dev.ferro.impl.testing.Database;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Run by {@link BoundedMemoryStreamTest} in a JVM of its own with a small heap ({@code -Xmx64m}):
 * reads every row of {@code stream_big} (ids 1 to n) through {@code Query.stream()} and through
 * {@code ferro.stream(sql)}, checks that each id came exactly once, prints what it read and the
 * peak heap, and exits 0 when both reads were complete, 1 when not. With {@code all} as its mode it
 * loads the rows with {@code Query.all()} instead, to show that the heap cannot hold them.
 *
 * <p>Arguments: the {@link Database} name, the expected row count, the mode ({@code stream} or {@code all}).
 */
public final class BoundedMemoryStreamMain {
    private BoundedMemoryStreamMain() {
    }

    public static void main(String[] args) {
        Database database = Database.valueOf(args[0]);
        int rows = Integer.parseInt(args[1]);
        boolean all = args.length > 2 && args[2].equals("all");
        try (Ferro ferro = database.connect(database.options().maxPoolSize(2).models(StreamBig.class))) {
            if (all) {
                List<StreamBig> loaded = ferro.query(StreamBig.class).all();
                System.out.println("all rows=" + loaded.size());
                System.exit(0);
            }
            BitSet queryIds = new BitSet(rows + 1);
            long querySum = 0;
            long queryCount = 0;
            long queryDuplicates = 0;
            try (Stream<StreamBig> stream = ferro.query(StreamBig.class).stream()) {
                for (StreamBig row : (Iterable<StreamBig>) stream::iterator) {
                    int id = Math.toIntExact(row.id);
                    if (queryIds.get(id) || !row.payload.endsWith(Long.toString(id))) {
                        queryDuplicates++;
                    }
                    queryIds.set(id);
                    querySum += id;
                    queryCount++;
                }
            }
            BitSet rawIds = new BitSet(rows + 1);
            long rawSum = 0;
            long rawCount = 0;
            long rawDuplicates = 0;
            try (Stream<Map<String, Object>> stream = ferro.stream("SELECT id, payload FROM stream_big")) {
                for (Map<String, Object> row : (Iterable<Map<String, Object>>) stream::iterator) {
                    int id = ((Number) row.get("id")).intValue();
                    if (rawIds.get(id)) {
                        rawDuplicates++;
                    }
                    rawIds.set(id);
                    rawSum += id;
                    rawCount++;
                }
            }
            long expectedSum = (long) rows * (rows + 1) / 2;
            System.out.println("query rows=" + queryCount + " distinct=" + queryIds.cardinality() + " sum=" + querySum
                    + " bad=" + queryDuplicates);
            System.out.println("raw rows=" + rawCount + " distinct=" + rawIds.cardinality() + " sum=" + rawSum
                    + " bad=" + rawDuplicates);
            System.out.println("peak heap MB=" + peakHeapMegabytes() + " max heap MB="
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024));
            boolean complete = queryCount == rows && queryIds.cardinality() == rows && querySum == expectedSum
                    && queryDuplicates == 0 && !queryIds.get(0) && rawCount == rows && rawIds.cardinality() == rows
                    && rawSum == expectedSum && rawDuplicates == 0 && !rawIds.get(0);
            System.exit(complete ? 0 : 1);
        }
    }

    /** The sum of the heap pools' peaks: at most the -Xmx, whatever the collector. */
    private static long peakHeapMegabytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }
}
