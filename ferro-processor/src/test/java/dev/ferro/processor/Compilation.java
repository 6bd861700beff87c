package dev.ferro.processor;

import dev.ferro.spi.ModelIndex;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** One in-memory javac run over source strings, with the metamodel processor, into a directory. */
final class Compilation {
    private static final Pattern TYPE_NAME = Pattern.compile("(?:class|enum|interface|record)\\s+([\\w$]+)");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    final Path classes;
    final Path generated;
    final boolean success;
    final List<Diagnostic<? extends JavaFileObject>> diagnostics;

    private Compilation(Path classes, Path generated, boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics) {
        this.classes = classes;
        this.generated = generated;
        this.success = success;
        this.diagnostics = diagnostics;
    }

    static Compilation run(Path dir, String... sources) throws IOException {
        return run(dir, List.of(MetamodelProcessor.class.getName()), sources);
    }

    static Compilation run(Path dir, List<String> processors, String... sources) throws IOException {
        return run(dir, processors, List.of(), sources);
    }

    /** Compiles into {@code dir/classes}, with {@code dir/classes} itself on the class path, as build tools do. */
    static Compilation run(Path dir, List<String> processors, List<String> extraOptions, String... sources) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path generated = Files.createDirectories(dir.resolve("generated"));
        List<JavaFileObject> units = new ArrayList<>();
        for (String source : sources) {
            units.add(new Source(source));
        }
        List<String> options = new ArrayList<>(List.of(
                "--release", "17",
                "-classpath", classes + File.pathSeparator + System.getProperty("java.class.path"),
                "-processor", String.join(",", processors),
                "-d", classes.toString(),
                "-s", generated.toString()));
        options.addAll(extraOptions);
        DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(collector, Locale.ROOT, StandardCharsets.UTF_8)) {
            boolean success = compiler.getTask(null, files, collector, options, null, units).call();
            return new Compilation(classes, generated, success, collector.getDiagnostics());
        }
    }

    /** The diagnostics of these kinds, rendered as {@code KIND: message}. */
    List<String> messages(Diagnostic.Kind... kinds) {
        List<Diagnostic.Kind> wanted = List.of(kinds);
        return diagnostics.stream()
                .filter(d -> wanted.contains(d.getKind()))
                .map(d -> d.getKind() + ": " + d.getMessage(Locale.ROOT))
                .collect(Collectors.toList());
    }

    /** Errors and warnings, which a clean compilation has none of. */
    List<String> problems() {
        return messages(Diagnostic.Kind.ERROR, Diagnostic.Kind.WARNING, Diagnostic.Kind.MANDATORY_WARNING);
    }

    String generatedSource(String qualifiedName) throws IOException {
        return Files.readString(generated.resolve(qualifiedName.replace('.', '/') + ".java"), StandardCharsets.UTF_8);
    }

    boolean hasGenerated(String qualifiedName) {
        return Files.exists(generated.resolve(qualifiedName.replace('.', '/') + ".java"));
    }

    /** The lines of the model index, or null when none was written. */
    List<String> index() throws IOException {
        Path index = classes.resolve(ModelIndex.RESOURCE);
        return Files.exists(index) ? Files.readAllLines(index, StandardCharsets.UTF_8) : null;
    }

    /** The names of the static fields the generated metamodel declares, in order. */
    List<String> attributeNames(String qualifiedName) throws IOException {
        Matcher m = Pattern.compile("static final [^=]+> (\\w+) =").matcher(generatedSource(qualifiedName));
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** A loader for the compiled classes whose parent shares the Ferro API with the test. */
    URLClassLoader loader() throws IOException {
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, Compilation.class.getClassLoader());
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String code;

        Source(String code) {
            super(URI.create("string:///" + path(code)), Kind.SOURCE);
            this.code = code;
        }

        private static String path(String code) {
            Matcher pkg = PACKAGE.matcher(code);
            Matcher type = TYPE_NAME.matcher(code);
            if (!type.find()) {
                throw new IllegalArgumentException("no type in " + code);
            }
            String prefix = pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "";
            return prefix + type.group(1) + ".java";
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
