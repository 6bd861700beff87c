package dev.ferro.impl.schema;

import dev.ferro.Migrations;
import dev.ferro.impl.metadata.ColumnTypes;
import dev.ferro.impl.metadata.ModelRegistry;
import dev.ferro.impl.schema.SchemaChange.AddColumn;
import dev.ferro.impl.schema.SchemaChange.AlterColumn;
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
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes the next Flyway migration from the compiled models: the {@link SchemaDiff} between the latest
 * snapshot in the directory ({@code V<n>.schema.json}, none before the first) and the models' schema, as
 * {@code <dialect>/V<n+1>__<description>.sql} for each database asked for, and the new snapshot beside
 * them, with each directory's {@link Migrations#SCRIPT_LIST} naming its scripts. Nothing is written when
 * nothing changed. Renames come from the models ({@code @Model(renamedFrom)}, {@code @Column(renamedFrom)}),
 * never guessed. A table or column the models no longer have is dropped only when asked ({@code --drops}):
 * otherwise it is held back, pending, as it is (a column made nullable). A NOT NULL column added to a table
 * takes its {@code @Column(defaultValue)} or a {@code --backfill table.column=value}. The check mode writes
 * nothing and fails when the models differ from the latest snapshot (pending drops aside), for CI.
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

    /**
     * What a run did: the version written (or that would be), its changes, the drops held back for a later
     * migration ({@code --drops}), and the files written.
     */
    public record Result(int version, List<SchemaChange> changes, List<SchemaChange> heldBack, List<Path> written) {
    }

    private MigrationGenerator() {
    }

    /**
     * The latest snapshot in a directory (none before the first migration); the schema the next migration
     * leaves, which is the models' unless drops are held back, when it keeps the tables and columns they
     * drop; the changes to it; and the drops held back.
     */
    private record Pending(int version, SchemaModel from, SchemaModel target, List<SchemaChange> changes, List<SchemaChange> heldBack) {
        static Pending of(SchemaModel models, MigrationHints hints, Path directory, boolean drops) {
            int latest = latestVersion(directory);
            SchemaModel from = snapshot(directory, latest);
            SchemaModel target = drops ? models : SchemaDiff.keepingDrops(from, models, hints);
            List<SchemaChange> heldBack = SchemaDiff.between(target, models).stream()
                    .filter(change -> change instanceof DropTable || change instanceof DropColumn).toList();
            return new Pending(latest + 1, from, target, SchemaDiff.between(from, target, hints), heldBack);
        }
    }

    /**
     * The changes from the latest snapshot in {@code directory} to {@code models} but the drops, which are
     * pending until a migration is written with them; and the version they would be.
     */
    public static Result check(SchemaModel models, MigrationHints hints, Path directory) {
        Pending pending = Pending.of(models, hints, directory, false);
        return new Result(pending.version(), pending.changes(), pending.heldBack(), List.of());
    }

    /**
     * Writes the next version's scripts for these dialects and its snapshot, when the models changed. Without
     * {@code drops}, a table or column the models no longer have is kept (a column made nullable, since the
     * models no longer write it) and stays in the snapshot, pending until a migration is written with drops.
     *
     * @throws IllegalStateException when a change cannot be migrated (named with its table and column); then
     *         nothing is written
     * @throws IllegalArgumentException when a backfill names a column the migration neither adds nor makes NOT NULL
     */
    public static Result generate(SchemaModel schema, MigrationHints hints, Path directory, List<Dialect> dialects, String description,
                                  boolean drops) {
        Pending pending = Pending.of(schema, hints, directory, drops);
        for (String column : hints.backfills().keySet()) {
            boolean used = pending.changes().stream().anyMatch(change -> change instanceof AddColumn add
                    && MigrationHints.key(add.table(), add.column().name()).equals(column)
                    || change instanceof AlterColumn alter && !alter.to().nullable()
                    && MigrationHints.key(alter.table(), alter.to().name()).equals(column));
            if (!used) {
                throw new IllegalArgumentException("--backfill " + column + ": the migration neither adds that column nor makes it NOT NULL");
            }
        }
        if (pending.changes().isEmpty()) {
            return new Result(pending.version(), pending.changes(), pending.heldBack(), List.of());
        }
        int version = pending.version();
        SchemaModel from = pending.from();
        SchemaModel models = pending.target();
        String name = "V" + version + "__" + fileName(description);
        List<Path> written = new ArrayList<>();
        List<Runnable> writes = new ArrayList<>();
        for (Dialect dialect : dialects) {
            List<String> statements = new MigrationWriter(dialect).statements(from, models, hints);
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
        return new Result(version, pending.changes(), pending.heldBack(), written);
    }

    /**
     * {@code --dir <directory> --description <words> [--dialects h2,postgresql,...] [--drops] [--backfill table.column=value]...
     * | --check}.
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** {@link #main} without the exit: the status it would exit with (0, 1 for a failed check or generation, 2 for bad arguments). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path directory = Path.of("src/main/resources/db/migration");
        String description = null;
        List<String> dialectNames = ALL_DIALECTS;
        boolean drops = false;
        boolean check = false;
        Map<String, String> backfills = new TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--backfill" -> {
                    String[] assignment = args[++i].split("=", 2);
                    if (assignment.length != 2 || !assignment[0].matches("[^.=]+\\.[^.=]+")) {
                        err.println("--backfill takes table.column=value, not " + args[i]);
                        return 2;
                    }
                    backfills.put(assignment[0].strip(), assignment[1]);
                }
                case "--dir" -> directory = Path.of(args[++i]);
                case "--description" -> description = args[++i];
                case "--dialects" -> dialectNames = List.of(args[++i].split(","));
                case "--drops" -> drops = true;
                case "--check" -> check = true;
                default -> {
                    err.println("Unknown argument " + args[i] + "; expected --dir, --description, --dialects, --drops, --backfill"
                            + " or --check");
                    return 2;
                }
            }
        }
        ModelRegistry registry = new ModelRegistry(ColumnTypes.withServices(List.of()));
        registry.declare(ModelIndex.models(Thread.currentThread().getContextClassLoader()));
        SchemaModel models = SchemaModels.of(registry);
        MigrationHints hints = SchemaModels.hints(registry).withBackfills(backfills);
        try {
            if (check) {
                Result result = check(models, hints, directory);
                List<Path> stale = staleLists(directory);
                if (!stale.isEmpty()) {
                    err.println("These lists do not name the scripts beside them: " + stale + "; a generation writes them anew");
                    return 1;
                }
                if (result.changes().isEmpty()) {
                    out.println("The models match " + directory + "'s latest snapshot" + pending(result) + ".");
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
            Result result = generate(models, hints, directory, dialects, description, drops);
            if (result.written().isEmpty()) {
                out.println("The models match " + directory + "'s latest snapshot" + pending(result) + ": nothing to write.");
            } else {
                result.written().forEach(path -> out.println("Wrote " + path));
                if (!result.heldBack().isEmpty()) {
                    out.println("Held back" + pending(result));
                }
            }
            return 0;
        } catch (IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    private static String pending(Result result) {
        return result.heldBack().isEmpty() ? "" : " (pending drops, written by a run with --drops: "
                + String.join(", ", result.heldBack().stream().map(SchemaChange::describe).toList()) + ")";
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
