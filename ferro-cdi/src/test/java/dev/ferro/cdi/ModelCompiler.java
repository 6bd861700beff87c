package dev.ferro.cdi;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles a model class at run time, without the metamodel processor, so that it stays out of the
 * compile-time model index ({@code META-INF/ferro/models}). Models Ferro must reject cannot live in
 * the test sources: every deployment of the other tests reads that index and would fail on them.
 * A deployment gets such a class only when a test adds it as a bean class, the way CDI scanning would.
 */
final class ModelCompiler {
    static final String PACKAGE = "dev.ferro.cdi.runtime";
    private static final String HEADER = "package " + PACKAGE + ";\nimport dev.ferro.*;\n";
    private static final Pattern CLASS_NAME = Pattern.compile("class\\s+(\\w+)");

    private ModelCompiler() {
    }

    /** The class {@code source} declares, in package {@value #PACKAGE} with {@code dev.ferro.*} imported. */
    static Class<?> compile(String source) {
        return compileTogether(source).get(0);
    }

    /**
     * The classes these sources declare, one per source and in their order, compiled together into one
     * class loader so that they may refer to each other (the two sides of a relation).
     */
    static List<Class<?>> compileTogether(String... sources) {
        List<String> names = new ArrayList<>();
        for (String source : sources) {
            Matcher name = CLASS_NAME.matcher(source);
            if (!name.find()) {
                throw new IllegalArgumentException("No class in " + source);
            }
            names.add(name.group(1));
        }
        try {
            Path classes = Files.createTempDirectory("ferro-cdi-model");
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            List<String> options = List.of("--release", "17", "-proc:none",
                    "-classpath", System.getProperty("java.class.path"), "-d", classes.toString());
            List<JavaFileObject> units = new ArrayList<>();
            for (int i = 0; i < sources.length; i++) {
                String source = sources[i];
                units.add(new SimpleJavaFileObject(URI.create("string:///" + PACKAGE.replace('.', '/') + "/"
                        + names.get(i) + ".java"), JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return HEADER + source;
                    }
                });
            }
            try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
                if (!compiler.getTask(null, files, diagnostics, options, null, units).call()) {
                    throw new IllegalStateException("Cannot compile " + names + ": " + diagnostics.getDiagnostics());
                }
            }
            URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, ModelCompiler.class.getClassLoader());
            List<Class<?>> compiled = new ArrayList<>();
            for (String name : names) {
                compiled.add(Class.forName(PACKAGE + "." + name, false, loader));
            }
            return compiled;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
