package dev.ferro.impl.schema;

import dev.ferro.Migrations;
import dev.ferro.impl.metadata.ColumnTypes;
import dev.ferro.impl.metadata.ModelRegistry;
import dev.ferro.impl.schema.SchemaChange.DropColumn;
import dev.ferro.impl.schema.SchemaChange.DropTable;
import dev.ferro.impl.sql.Dialect;
import dev.ferro.impl.sql.Dialects;
import dev.ferro.spi.ModelIndex;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes the next Flyway migration from the compiled models: the {@link SchemaDiff} between the latest
 * snapshot in the directory ({@code V<n>.schema.json}, none before the first) and the models' schema, as
 * {@code <dialect>/V<n+1>__<description>.sql} for each database asked for, and the new snapshot beside
 * them, with each directory's {@link Migrations#SCRIPT_LIST} naming its scripts. Nothing is written when nothing changed. A table or column the models no longer have is dropped
 * only when asked ({@code --drops}): otherwise the generation stops, listing them. The check mode writes
 * nothing and fails when the models differ from the latest snapshot, for CI.
 *
 * <p>A main class run by the exec plugin on the application's compile class path, where the processor's
 * model index lists the models:
 * <pre>
 * ./mvnw compile exec:java -Dexec.mainClass=dev.ferro.impl.schema.MigrationGenerator \
 *     -Dexec.args="--dir src/main/resources/db/migration --description add_nickname"
 * </pre>
 * and Ferro configured with {@code ferro.migrations.location=db/migration/{dialect}}.
 */
public final class MigrationGenerator {
    private static final Pattern SNAPSHOT = Pattern.compile("V(\\d+)\\.schema\\.json");
    private static final Pattern SCRIPT_VERSION = Pattern.compile("V(\\d+)__");
    /** Versioned scripts by their version's number, then the rest by name. */
    private static final Comparator<String> SCRIPT_ORDER = Comparator
            .comparingLong((String name) -> {
                Matcher version = SCRIPT_VERSION.matcher(name);
                return version.lookingAt() ? Long.parseLong(version.group(1)) : Long.MAX_VALUE;
            })
            .thenComparing(Comparator.naturalOrder());
    private static final List<String> ALL_DIALECTS = List.of("h2", "postgresql", "mariadb", "sqlite");

    /** What a run did: the version written (or that would be), its changes, and the files written. */
    public record Result(int version, List<SchemaChange> changes, List<Path> written) {
    }

    private MigrationGenerator() {
    }

    /** The latest snapshot in a directory (none before the first migration), and the changes from it to the models. */
    private record Pending(int version, SchemaModel from, List<SchemaChange> changes) {
        static Pending of(SchemaModel models, Path directory) {
            int latest = latestVersion(directory);
            SchemaModel from = snapshot(directory, latest);
            return new Pending(latest + 1, from, SchemaDiff.between(from, models));
        }
    }

    /** The changes from the latest snapshot in {@code directory} to {@code models}, and the version they would be. */
    public static Result check(SchemaModel models, Path directory) {
        Pending pending = Pending.of(models, directory);
        return new Result(pending.version(), pending.changes(), List.of());
    }

    /**
     * Writes the next version's scripts for these dialects and its snapshot, when the models changed.
     *
     * @throws IllegalStateException when the models drop tables or columns and {@code drops} is false, or a
     *         change cannot be migrated (named with its table and column); then nothing is written
     */
    public static Result generate(SchemaModel models, Path directory, List<Dialect> dialects, String description, boolean drops) {
        Pending pending = Pending.of(models, directory);
        if (pending.changes().isEmpty()) {
            return new Result(pending.version(), pending.changes(), List.of());
        }
        List<String> dropped = pending.changes().stream()
                .filter(change -> change instanceof DropTable || change instanceof DropColumn)
                .map(SchemaChange::describe).toList();
        if (!drops && !dropped.isEmpty()) {
            throw new IllegalStateException("The models would " + String.join(", ", dropped)
                    + ": a migration drops only when asked (--drops), since the data goes too");
        }
        int version = pending.version();
        SchemaModel from = pending.from();
        String name = "V" + version + "__" + fileName(description);
        List<Path> written = new ArrayList<>();
        List<Runnable> writes = new ArrayList<>();
        for (Dialect dialect : dialects) {
            List<String> statements = new MigrationWriter(dialect).statements(from, models);
            Path scripts = directory.resolve(dialect.name());
            Path script = scripts.resolve(name + ".sql");
            writes.add(() -> write(script, script(version, statements)));
            written.add(script);
            List<String> added = new ArrayList<>(List.of(script.getFileName().toString()));
            if (!dialect.beforeRebuild().isEmpty() && statements.containsAll(dialect.beforeRebuild())) {
                // A rebuilt table's pragmas do nothing inside a transaction: Flyway runs this script outside one.
                Path conf = scripts.resolve(name + ".sql.conf");
                writes.add(() -> write(conf, "executeInTransaction=false\n"));
                written.add(conf);
                added.add(conf.getFileName().toString());
            }
            Path list = scripts.resolve(Migrations.SCRIPT_LIST);
            String listed = scriptList(scripts, added);
            writes.add(() -> write(list, listed));
            written.add(list);
        }
        Path snapshot = directory.resolve("V" + version + ".schema.json");
        writes.add(() -> write(snapshot, SchemaSnapshot.write(models)));
        written.add(snapshot);
        writes.forEach(Runnable::run);
        return new Result(version, pending.changes(), written);
    }

    /** {@code --dir <directory> --description <words> [--dialects h2,postgresql,...] [--drops] | --check}. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path directory = Path.of("src/main/resources/db/migration");
        String description = null;
        List<String> dialectNames = ALL_DIALECTS;
        boolean drops = false;
        boolean check = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> directory = Path.of(args[++i]);
                case "--description" -> description = args[++i];
                case "--dialects" -> dialectNames = List.of(args[++i].split(","));
                case "--drops" -> drops = true;
                case "--check" -> check = true;
                default -> {
                    err.println("Unknown argument " + args[i] + "; expected --dir, --description, --dialects, --drops or --check");
                    return 2;
                }
            }
        }
        ModelRegistry registry = new ModelRegistry(ColumnTypes.withServices(List.of()));
        registry.declare(ModelIndex.models(Thread.currentThread().getContextClassLoader()));
        SchemaModel models = SchemaModels.of(registry);
        try {
            if (check) {
                Result result = check(models, directory);
                List<Path> stale = staleLists(directory);
                if (!stale.isEmpty()) {
                    err.println("These lists do not name the scripts beside them: " + stale + "; a generation writes them anew");
                    return 1;
                }
                if (result.changes().isEmpty()) {
                    out.println("The models match " + directory + "'s latest snapshot.");
                    return 0;
                }
                err.println("The models differ from " + directory + "'s latest snapshot; a migration V" + result.version() + " would:");
                result.changes().forEach(change -> err.println("  " + change.describe()));
                return 1;
            }
            if (description == null || description.isBlank()) {
                err.println("--description names the migration (V<n>__<description>.sql)");
                return 2;
            }
            List<Dialect> dialects = dialectNames.stream().map(name -> Dialects.named(name.strip())).toList();
            Result result = generate(models, directory, dialects, description, drops);
            if (result.written().isEmpty()) {
                out.println("The models match " + directory + "'s latest snapshot: nothing to write.");
            } else {
                result.written().forEach(path -> out.println("Wrote " + path));
            }
            return 0;
        } catch (IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    private static int latestVersion(Path directory) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> SNAPSHOT.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches).mapToInt(match -> Integer.parseInt(match.group(1))).max().orElse(0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
    }

    private static SchemaModel snapshot(Path directory, int version) {
        if (version == 0) {
            return new SchemaModel(List.of());
        }
        Path file = directory.resolve("V" + version + ".schema.json");
        try {
            return SchemaSnapshot.read(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the snapshot " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The {@link Migrations#SCRIPT_LIST} of a directory of scripts: every file in it (hand-written ones too) and
     * those about to be written, in the order of their versions, so that Flyway in a container reads them by name.
     */
    static String scriptList(Path scripts, List<String> added) {
        Set<String> names = new TreeSet<>(SCRIPT_ORDER);
        names.addAll(added);
        if (Files.isDirectory(scripts)) {
            try (Stream<Path> files = Files.list(scripts)) {
                files.filter(Files::isRegularFile).map(file -> file.getFileName().toString())
                        .filter(file -> !file.equals(Migrations.SCRIPT_LIST)).forEach(names::add);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + scripts, e);
            }
        }
        StringBuilder list = new StringBuilder("# The migration scripts of this directory, which Ferro gives Flyway by name;"
                + " written by MigrationGenerator\n");
        names.forEach(file -> list.append(file).append('\n'));
        return list.toString();
    }

    /** The directories of scripts whose list does not name exactly the files there are. */
    private static List<Path> staleLists(Path directory) {
        List<Path> stale = new ArrayList<>();
        for (String dialect : ALL_DIALECTS) {
            Path scripts = directory.resolve(dialect);
            Path list = scripts.resolve(Migrations.SCRIPT_LIST);
            if (!Files.isDirectory(scripts)) {
                continue;
            }
            try {
                if (!Files.exists(list) || !Files.readString(list, StandardCharsets.UTF_8).equals(scriptList(scripts, List.of()))) {
                    stale.add(list);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + list, e);
            }
        }
        return stale;
    }

    private static String script(int version, List<String> statements) {
        StringBuilder script = new StringBuilder("-- Ferro migration V").append(version).append(", generated from the models\n");
        for (String statement : statements) {
            script.append(statement).append(";\n");
        }
        return script.toString();
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** The description as Flyway's file names take it: words joined by underscores. */
    private static String fileName(String description) {
        String name = description.strip().replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("The description '" + description + "' has no letter or digit for a file name");
        }
        return name.toLowerCase(Locale.ROOT);
    }
}
