package dev.ferro.bench.report;

import dev.ferro.bench.BenchDatabase;
import dev.ferro.bench.BenchRunner;
import dev.ferro.bench.library.Libraries;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns JMH's JSON result into the markdown table: per database, each workload's time for every
 * library with its ratio to raw JDBC (and the error of that ratio), then the allocation per operation
 * from JMH's gc profiler. A cell with no result says why.
 */
public final class ResultTable {
    private static final Map<String, String> LIBRARY_TITLES = Map.of(
            "jdbc", "raw JDBC", "ferro", "Ferro", "jdbi", "Jdbi 3", "hibernate", "Hibernate ORM", "jooq", "jOOQ",
            "ferro-versioned", "Ferro, @Version");
    private static final Map<String, String> WORKLOAD_TITLES = Map.of(
            "insert", "insert 10,000 (one batch)",
            "select", "select 10,000 rows",
            "get", "get by id x 10,000",
            "filter", "filter + order + limit 50 x 1,000",
            "prefetch", "1,000 posts + author + tags",
            "concurrentGet", "get by id, 64 threads, pool of 10",
            "stream", "stream 1,000,000 rows, fold");

    /** What was asked for, to tell a missing cell from one that was never requested. */
    public record Run(String profile, String command, List<String> libraries, List<String> workloads, List<String> databases,
                      Map<String, String> skippedDatabases) {
    }

    /** One cell: JMH's score and error (99.9 % confidence half-width), and bytes allocated per operation. */
    record Cell(double score, double error, String unit, boolean throughput, double allocation, double livePeak, double usedPeak,
                double gcs) {
        /** The time-like value: lower is better, also for throughput (seconds per operation). */
        double cost() {
            return throughput ? 1 / score : score;
        }

        double relativeError() {
            return score == 0 ? 0 : error / score;
        }
    }

    private ResultTable() {
    }

    /** Regenerates a table from a JSON file: {@code ResultTable <results.json> <table.md>}. */
    public static void main(String[] args) throws IOException {
        Path json = Path.of(args[0]);
        Map<String, Cell> cells = read(json);
        List<String> libraries = Libraries.NAMES.stream()
                .filter(library -> cells.keySet().stream().anyMatch(key -> key.split("/")[1].equals(library))).toList();
        write(json, Path.of(args[1]), new Run(json.getFileName().toString().replaceFirst("\\.json$", ""),
                "ResultTable " + String.join(" ", args), libraries, BenchRunner.WORKLOADS,
                List.of("h2", "postgresql"), Map.of()));
    }

    public static void write(Path json, Path markdown, Run run) throws IOException {
        Map<String, Cell> cells = read(json);
        StringBuilder out = new StringBuilder();
        out.append("Profile `").append(run.profile()).append("`, ").append(machine()).append("\n\n");
        out.append("Command: `").append(run.command()).append("`\n\n");
        out.append("Each cell: the mean time of one operation (the whole workload) ± JMH's 99.9 % error, and in brackets "
                + "its ratio to raw JDBC ± the error of that ratio (the two relative errors combined). "
                + "For the 64-thread row the score is gets per second and the ratio is raw JDBC's throughput over the "
                + "library's, so above 1 means slower there too. A variant of a library (Ferro, @Version) has a second "
                + "ratio, to that library (Ferro), with its error likewise.\n\n");
        for (String database : run.databases()) {
            out.append("### ").append(database.equals("h2") ? "H2 (in memory)" : "PostgreSQL").append("\n\n");
            if (run.skippedDatabases().containsKey(database)) {
                out.append("Not run: ").append(run.skippedDatabases().get(database)).append("\n\n");
                continue;
            }
            header(out, "workload", run.libraries());
            for (String workload : run.workloads()) {
                out.append("| ").append(WORKLOAD_TITLES.getOrDefault(workload, workload));
                Cell baseline = cells.get(key(workload, "jdbc", database));
                for (String library : run.libraries()) {
                    Cell cell = cells.get(key(workload, library, database));
                    Cell original = cells.get(key(workload, Libraries.VARIANT_OF.getOrDefault(library, library), database));
                    out.append(" | ").append(cell == null ? missing(workload, library) : timeCell(cell, baseline, library, original));
                }
                out.append(" |\n");
            }
            out.append("\nAllocation per operation (gc profiler, `gc.alloc.rate.norm`), ratio to raw JDBC in brackets:\n\n");
            header(out, "workload", run.libraries());
            for (String workload : run.workloads()) {
                out.append("| ").append(WORKLOAD_TITLES.getOrDefault(workload, workload));
                Cell baseline = cells.get(key(workload, "jdbc", database));
                for (String library : run.libraries()) {
                    Cell cell = cells.get(key(workload, library, database));
                    Cell original = cells.get(key(workload, Libraries.VARIANT_OF.getOrDefault(library, library), database));
                    out.append(" | ").append(cell == null || Double.isNaN(cell.allocation()) ? "n/a"
                            : allocationCell(cell, baseline, library, original));
                }
                out.append(" |\n");
            }
            if (run.workloads().contains("stream")) {
                out.append("\nPeak heap of one stream operation, above the live heap before it (the worst operation measured; "
                        + "see the README): live after a GC during the operation / the heap pools' peaks, garbage included "
                        + "(young generation pinned at 64 MB) / GCs per operation:\n\n");
                header(out, "workload", run.libraries());
                out.append("| ").append(WORKLOAD_TITLES.get("stream"));
                for (String library : run.libraries()) {
                    Cell cell = cells.get(key("stream", library, database));
                    out.append(" | ").append(cell == null || Double.isNaN(cell.livePeak()) ? "n/a"
                            : String.format(Locale.ROOT, "%.1f MB / %.1f MB / %.1f", cell.livePeak(), cell.usedPeak(), cell.gcs()));
                }
                out.append(" |\n");
            }
            out.append('\n');
        }
        out.append("""
                Notes on the cells:
                - insert: everyone inserts in one transaction and one JDBC batch. Hibernate ORM takes its ids from a pooled \
                sequence (allocation 50), since it does not batch inserts with IDENTITY ids; jOOQ's batch API returns no \
                generated keys, so its objects keep no ids (less work than the others).
                - 1,000 posts: raw JDBC runs three queries (posts, authors by id, tags through the join table); Ferro \
                `prefetch(Post_.author, Post_.tags)` (IN lists of up to 1,000 keys: three queries); Jdbi one join reduced \
                with `reduceRows`; Hibernate `join fetch` of the author and the tags; jOOQ a nested row for the author \
                and a `MULTISET` for the tags.
                - stream: raw JDBC and Ferro only (the other libraries' cells say n/a): 1,000,000 rows of 4 columns read \
                a fetch size of 1,000 at a time (PostgreSQL: a cursor, in a read transaction of its own) into objects and \
                folded (count, sums, label length); Ferro `query(StreamRow.class).stream()`, raw JDBC `setFetchSize(1000)` \
                with autocommit off.
                - every operation takes its connection from the same Agroal pool of 10 and returns it; Hibernate opens \
                one session per operation.
                """);
        Files.writeString(markdown, out.toString());
    }

    private static void header(StringBuilder out, String first, List<String> libraries) {
        out.append("| ").append(first);
        libraries.forEach(library -> out.append(" | ").append(LIBRARY_TITLES.getOrDefault(library, library)));
        out.append(" |\n|---");
        libraries.forEach(library -> out.append("|---:"));
        out.append("|\n");
    }

    private static String missing(String workload, String library) {
        if (workload.equals("stream") && !Libraries.STREAMING.contains(library)) {
            return "n/a (no stream code)";
        }
        return "no result (failed: see the run's log)";
    }

    /** The score, its ratio to raw JDBC and, for a variant, its ratio to the library it varies ({@code original}). */
    private static String timeCell(Cell cell, Cell baseline, String library, Cell original) {
        String value = format(cell.score()) + " ± " + format(cell.error()) + " " + cell.unit();
        if (library.equals("jdbc") || baseline == null) {
            return value;
        }
        String ratios = ratio(cell, baseline);
        if (Libraries.VARIANT_OF.containsKey(library) && original != null) {
            ratios += "; " + ratio(cell, original) + " of " + LIBRARY_TITLES.get(Libraries.VARIANT_OF.get(library));
        }
        return value + " (" + ratios + ")";
    }

    /** {@code cell}'s cost over {@code base}'s ± the error of that ratio (the two relative errors combined). */
    private static String ratio(Cell cell, Cell base) {
        double ratio = cell.cost() / base.cost();
        double error = ratio * Math.hypot(cell.relativeError(), base.relativeError());
        return String.format(Locale.ROOT, "%.2f ± %.2f", ratio, error);
    }

    private static String allocationCell(Cell cell, Cell baseline, String library, Cell original) {
        String value = bytes(cell.allocation());
        if (library.equals("jdbc") || !allocates(baseline)) {
            return value;
        }
        String ratios = String.format(Locale.ROOT, "%.2f", cell.allocation() / baseline.allocation());
        if (Libraries.VARIANT_OF.containsKey(library) && allocates(original)) {
            ratios += String.format(Locale.ROOT, "; %.2f of %s", cell.allocation() / original.allocation(),
                    LIBRARY_TITLES.get(Libraries.VARIANT_OF.get(library)));
        }
        return value + " (" + ratios + ")";
    }

    private static boolean allocates(Cell cell) {
        return cell != null && !Double.isNaN(cell.allocation()) && cell.allocation() != 0;
    }

    static Map<String, Cell> read(Path json) throws IOException {
        Map<String, Cell> cells = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(json); JsonReader parser = Json.createReader(reader)) {
            JsonArray results = parser.readArray();
            for (JsonValue value : results) {
                JsonObject result = value.asJsonObject();
                String benchmark = result.getString("benchmark");
                String workload = benchmark.substring(benchmark.lastIndexOf('.') + 1);
                JsonObject params = result.getJsonObject("params");
                JsonObject primary = result.getJsonObject("primaryMetric");
                double allocation = Double.NaN;
                double livePeak = Double.NaN;
                double usedPeak = Double.NaN;
                double gcs = Double.NaN;
                JsonObject secondary = result.getJsonObject("secondaryMetrics");
                if (secondary != null) {
                    for (Map.Entry<String, JsonValue> metric : secondary.entrySet()) {
                        double figure = number(metric.getValue().asJsonObject(), "score");
                        if (metric.getKey().endsWith("gc.alloc.rate.norm")) {
                            allocation = figure;
                        } else if (metric.getKey().endsWith("heap.live.peak")) {
                            livePeak = figure;
                        } else if (metric.getKey().endsWith("heap.used.peak")) {
                            usedPeak = figure;
                        } else if (metric.getKey().endsWith("heap.gc.count")) {
                            gcs = figure;
                        }
                    }
                }
                cells.put(key(workload, params.getString("library"), params.getString("database")),
                        new Cell(number(primary, "score"), number(primary, "scoreError"), primary.getString("scoreUnit"),
                                result.getString("mode").equals("thrpt"), allocation, livePeak, usedPeak, gcs));
            }
        }
        return cells;
    }

    /** JMH writes "NaN" as a string when an error cannot be computed (a single iteration). */
    private static double number(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() != JsonValue.ValueType.NUMBER) {
            return name.equals("scoreError") ? 0 : Double.NaN;
        }
        return object.getJsonNumber(name).doubleValue();
    }

    private static String key(String workload, String library, String database) {
        return workload + "/" + library + "/" + database;
    }

    private static String format(double value) {
        if (Double.isNaN(value)) {
            return "?";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String bytes(double value) {
        if (value >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", value / (1024 * 1024));
        }
        if (value >= 1024) {
            return String.format(Locale.ROOT, "%.1f KB", value / 1024);
        }
        return String.format(Locale.ROOT, "%.0f B", value);
    }

    /** The machine, in one line: CPU, cores, memory, OS, JVM, date. */
    static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .findFirst().map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse(cpu);
        } catch (IOException | RuntimeException e) {
            // not Linux: the CPU stays unnamed
        }
        long memory = 0;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memory = os.getTotalMemorySize() / (1024L * 1024 * 1024);
        }
        return cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores, " + memory + " GB, "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + ", "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + ", pool of "
                + BenchDatabase.POOL_SIZE + ", " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME.withLocale(Locale.ROOT))
                .replaceFirst("\\.\\d+", "");
    }
}
