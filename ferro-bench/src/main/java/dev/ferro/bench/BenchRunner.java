package dev.ferro.bench;

import dev.ferro.bench.jmh.CpuTimeProfiler;
import dev.ferro.bench.jmh.HeapProfiler;
import dev.ferro.bench.library.Libraries;
import dev.ferro.bench.report.ResultTable;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the benchmarks with one of three profiles and writes {@code <out>/<profile>.json} (JMH) and
 * {@code <out>/<profile>.md} (the table). Started by {@code bench.sh}, which puts the class path together.
 * The stream workload runs in a second JMH run of its own: only the libraries that implement it, and
 * its own JVM options and heap profiler; the two runs' results are merged into the one JSON file.
 *
 * <pre>
 * BenchRunner tiny|quick|full [--databases=h2,postgresql] [--libraries=jdbc,ferro,...,ferro-versioned]
 *                             [--workloads=insert,select,project,get,filter,report,path,cursor,prefetch,concurrentGet,stream] [--out=target/bench]
 * </pre>
 */
public final class BenchRunner {
    public static final List<String> WORKLOADS = List.of("insert", "select", "project", "get", "filter", "report", "path", "cursor", "prefetch",
            "concurrentGet", "stream");
    /** The stream workload's forks: the same heap, with a small young generation so that {@code HeapWatch} sees a GC every few tens of MB. */
    static final String[] STREAM_JVM_ARGS = {"-Xms2g", "-Xmx2g", "-Xmn64m"};

    /** Forks, warm-up and measurement of a profile. */
    public record Profile(String name, int forks, int warmups, TimeValue warmupTime, int iterations, TimeValue iterationTime) {
        static Profile of(String name) {
            return switch (name) {
                // Proves every cell runs: one fork, one short measured iteration, no warm-up.
                case "tiny" -> new Profile(name, 1, 0, TimeValue.milliseconds(100), 1, TimeValue.milliseconds(100));
                // Under 10 minutes on 2 cores: one fork per cell, a short warm-up, four measured half-seconds
                // (an operation longer than an iteration still runs whole, so slow cells take longer).
                case "quick" -> new Profile(name, 1, 2, TimeValue.milliseconds(500), 4, TimeValue.milliseconds(500));
                case "full" -> new Profile(name, 3, 5, TimeValue.seconds(1), 5, TimeValue.seconds(2));
                default -> throw new IllegalArgumentException("Unknown profile " + name + ": tiny, quick or full");
            };
        }
    }

    private BenchRunner() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        if (args.length == 0) {
            throw new IllegalArgumentException("Usage: BenchRunner tiny|quick|full [--databases=..] [--libraries=..] [--workloads=..] [--out=..]");
        }
        Profile profile = Profile.of(args[0]);
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : Arrays.copyOfRange(args, 1, args.length)) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("Expected --name=value, got " + arg);
            }
            options.put(pair[0], pair[1]);
        }
        List<String> libraries = list(options.get("libraries"), Libraries.NAMES, Libraries.DEFAULT);
        List<String> workloads = list(options.get("workloads"), WORKLOADS, WORKLOADS);
        List<String> databases = list(options.get("databases"), List.of("h2", "postgresql"), List.of("h2", "postgresql"));
        Path out = Path.of(options.getOrDefault("out", "target/bench"));
        Files.createDirectories(out);

        Map<String, String> skipped = new LinkedHashMap<>();
        List<String> reachable = new ArrayList<>();
        for (String database : databases) {
            String reason = BenchDatabase.of(database).unavailableReason();
            if (reason == null) {
                reachable.add(database);
            } else {
                skipped.put(database, reason);
                System.err.println("Skipping " + database + ": " + reason);
            }
        }
        Path json = out.resolve(profile.name() + ".json");
        Path markdown = out.resolve(profile.name() + ".md");
        List<Path> parts = new ArrayList<>();
        List<String> single = workloads.stream().filter(w -> !w.equals("stream")).toList();
        if (!reachable.isEmpty() && !single.isEmpty()) {
            Path part = out.resolve(profile.name() + ".main.json");
            ChainedOptionsBuilder jmh = options(profile, includePattern(single), libraries, reachable, part)
                    // The same heap for every library; a fixed size keeps heap resizing out of the numbers.
                    .jvmArgs("-Xms2g", "-Xmx2g");
            new Runner(jmh.build()).run();
            parts.add(part);
        }
        List<String> streaming = libraries.stream().filter(Libraries.STREAMING::contains).toList();
        if (!reachable.isEmpty() && workloads.contains("stream") && !streaming.isEmpty()) {
            Path part = out.resolve(profile.name() + ".stream.json");
            ChainedOptionsBuilder jmh = options(profile, "^dev\\.ferro\\.bench\\.jmh\\.StreamWorkload\\.stream$", streaming, reachable, part)
                    .addProfiler(HeapProfiler.class)
                    .jvmArgs(STREAM_JVM_ARGS);
            new Runner(jmh.build()).run();
            parts.add(part);
        }
        merge(parts, json);
        String command = "ferro-bench/bench.sh " + String.join(" ", args);
        ResultTable.write(json, markdown, new ResultTable.Run(profile.name(), command, libraries, workloads, databases, skipped));
        System.out.println("Results: " + json.toAbsolutePath() + "\nTable:   " + markdown.toAbsolutePath());
    }

    private static ChainedOptionsBuilder options(Profile profile, String include, List<String> libraries, List<String> databases,
                                                 Path result) {
        return new OptionsBuilder()
                .include(include)
                .param("library", libraries.toArray(String[]::new))
                .param("database", databases.toArray(String[]::new))
                .forks(profile.forks())
                .warmupIterations(profile.warmups())
                .warmupTime(profile.warmupTime())
                .measurementIterations(profile.iterations())
                .measurementTime(profile.iterationTime())
                .addProfiler(GCProfiler.class)
                .addProfiler(CpuTimeProfiler.class)
                .shouldFailOnError(false)
                .resultFormat(ResultFormatType.JSON)
                .result(result.toString());
    }

    /** One JSON array of every run's results (a run that wrote nothing adds nothing). */
    private static void merge(List<Path> parts, Path json) throws IOException {
        JsonArrayBuilder all = Json.createArrayBuilder();
        for (Path part : parts) {
            if (!Files.exists(part) || Files.size(part) == 0) {
                continue;
            }
            try (Reader reader = Files.newBufferedReader(part); JsonReader parser = Json.createReader(reader)) {
                parser.readArray().forEach(all::add);
            }
            Files.delete(part);
        }
        try (Writer writer = Files.newBufferedWriter(json);
             JsonWriter printer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(writer)) {
            printer.writeArray(all.build());
        }
    }

    private static String includePattern(List<String> workloads) {
        List<String> single = workloads.stream().filter(w -> !w.equals("concurrentGet")).toList();
        List<String> patterns = new ArrayList<>();
        if (!single.isEmpty()) {
            patterns.add("Workloads\\.(" + String.join("|", single) + ")");
        }
        if (workloads.contains("concurrentGet")) {
            patterns.add("ConcurrentGet\\.concurrentGet");
        }
        return "^dev\\.ferro\\.bench\\.jmh\\.(" + String.join("|", patterns) + ")$";
    }

    /** The names {@code value} lists, in the order of {@code all}; {@code defaults} when it lists none. */
    private static List<String> list(String value, List<String> all, List<String> defaults) {
        if (value == null || value.isBlank()) {
            return defaults;
        }
        List<String> chosen = Arrays.stream(value.split(",")).map(String::strip).map(s -> s.toLowerCase(Locale.ROOT)).toList();
        for (String name : chosen) {
            if (all.stream().noneMatch(name::equalsIgnoreCase)) {
                throw new IllegalArgumentException("Unknown name " + name + "; one of " + all);
            }
        }
        return all.stream().filter(name -> chosen.contains(name.toLowerCase(Locale.ROOT))).toList();
    }
}
