package dev.ferro.spi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The compile-time list of an application's models: the resource {@value #RESOURCE}, one binary
 * class name per line, written by Ferro's annotation processor ({@code ferro-processor}) for every
 * {@code @Model} it compiles. {@link dev.ferro.Ferro#connect} and the CDI extension read it, so that
 * models are found in every bean discovery mode and without scanning the class path. Lines that are
 * blank or start with {@code #} are ignored.
 */
public final class ModelIndex {
    /** Where the index lies on the class path; every jar or directory may carry one. */
    public static final String RESOURCE = "META-INF/ferro/models";

    private ModelIndex() {
    }

    /**
     * The model classes listed in every {@value #RESOURCE} that {@code loader} sees, in the order
     * found, each once; the classes are loaded but not initialized.
     *
     * @throws IllegalStateException when an index names a class the loader cannot load
     * @throws UncheckedIOException when an index cannot be read
     */
    public static List<Class<?>> models(ClassLoader loader) {
        Set<String> names = new LinkedHashSet<>();
        try {
            Enumeration<URL> resources = loader.getResources(RESOURCE);
            while (resources.hasMoreElements()) {
                try (InputStream index = resources.nextElement().openStream()) {
                    names.addAll(classNames(index));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        List<Class<?>> types = new ArrayList<>();
        for (String name : names) {
            try {
                types.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(RESOURCE + " lists " + name + ", which is not on the class path", e);
            }
        }
        return types;
    }

    /** The class names one index lists, in its order: its lines, stripped, but for blank ones and comments. */
    public static List<String> classNames(InputStream index) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8));
        List<String> names = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                names.add(name);
            }
        }
        return names;
    }
}
