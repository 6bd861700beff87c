package dev.ferro.impl.metadata;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles model classes from source at run time, once per source, without the metamodel processor.
 *
 * <p>Models that Ferro must reject cannot live in the test sources: the processor would list them
 * in the model index ({@code META-INF/ferro/models}), which Ferro reads whenever it is connected
 * without explicit models, and every such connect in the test suite would then fail on them. So
 * cannot models that need something only one test's options give (a {@code ColumnType}).
 */
public final class ModelSource {
    public static final String PACKAGE = "dev.ferro.impl.metadata.invalid";
    private static final String HEADER = "package " + PACKAGE + ";\n"
            + "import dev.ferro.*;\n"
            + "import java.math.BigDecimal;\n";
    private static final Pattern CLASS_NAME = Pattern.compile("class\\s+(\\w+)");
    private static final Map<List<String>, List<Class<?>>> COMPILED = new ConcurrentHashMap<>();

    private ModelSource() {
    }

    /** The class declared by {@code source} (in package {@value #PACKAGE}, with dev.ferro.* imported). */
    public static Class<?> compile(String source) {
        return compileAll(source).get(0);
    }

    /**
     * The classes declared by {@code sources}, in their order, compiled together (so that they may
     * name each other) into one class loader.
     */
    public static List<Class<?>> compileAll(String... sources) {
        return COMPILED.computeIfAbsent(List.of(sources), ModelSource::doCompile);
    }

    private static List<Class<?>> doCompile(List<String> sources) {
        List<String> simpleNames = new ArrayList<>();
        List<JavaFileObject> units = new ArrayList<>();
        for (String source : sources) {
            Matcher name = CLASS_NAME.matcher(source);
            if (!name.find()) {
                throw new IllegalArgumentException("No class in " + source);
            }
            String simpleName = name.group(1);
            simpleNames.add(simpleName);
            units.add(new SimpleJavaFileObject(URI.create("string:///" + PACKAGE.replace('.', '/') + "/"
                    + simpleName + ".java"), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return HEADER + source;
                }
            });
        }
        try {
            Path classes = Files.createTempDirectory("ferro-model");
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            List<String> options = List.of("--release", "17", "-proc:none",
                    "-classpath", System.getProperty("java.class.path"), "-d", classes.toString());
            try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
                if (!compiler.getTask(null, files, diagnostics, options, null, units).call()) {
                    throw new IllegalStateException("Cannot compile " + simpleNames + ": " + diagnostics.getDiagnostics());
                }
            }
            URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, ModelSource.class.getClassLoader());
            List<Class<?>> types = new ArrayList<>();
            for (String simpleName : simpleNames) {
                types.add(Class.forName(PACKAGE + "." + simpleName, false, loader));
            }
            return types;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
