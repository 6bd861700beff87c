package dev.ferro.impl.metadata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The models one Ferro instance knows: read once each, on first use or at start. */
public final class ModelRegistry {
    /** Written by the annotation processor: one model class name per line. */
    public static final String INDEX_RESOURCE = "META-INF/ferro/models";

    private final ConcurrentHashMap<Class<?>, ModelMetadata<?>> models = new ConcurrentHashMap<>();
    private final Set<Class<?>> declared = ConcurrentHashMap.newKeySet();

    /** The metadata of a model, read on first use. */
    @SuppressWarnings("unchecked")
    public <M> ModelMetadata<M> get(Class<M> type) {
        ModelMetadata<?> metadata = models.get(type);
        if (metadata == null) {
            metadata = models.computeIfAbsent(type, ModelReader::read);
        }
        return (ModelMetadata<M>) metadata;
    }

    /** Registers models for the schema step, reading each now so that a bad one fails at start. */
    public void declare(Collection<Class<?>> types) {
        for (Class<?> type : types) {
            get(type);
            declared.add(type);
        }
    }

    /** The models declared so far, in a stable order (by class name). */
    public List<ModelMetadata<?>> declared() {
        List<ModelMetadata<?>> all = new ArrayList<>();
        declared.stream().sorted(java.util.Comparator.comparing(Class::getName)).forEach(type -> all.add(get(type)));
        return all;
    }

    /** The model classes listed in every {@value #INDEX_RESOURCE} visible to the class loader. */
    public static List<Class<?>> indexedModels(ClassLoader loader) {
        Set<String> names = new LinkedHashSet<>();
        try {
            Enumeration<URL> resources = loader.getResources(INDEX_RESOURCE);
            while (resources.hasMoreElements()) {
                try (BufferedReader reader = new BufferedReader(
                        new InputStreamReader(resources.nextElement().openStream(), StandardCharsets.UTF_8))) {
                    reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + INDEX_RESOURCE, e);
        }
        List<Class<?>> types = new ArrayList<>();
        for (String name : names) {
            try {
                types.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(INDEX_RESOURCE + " lists " + name + ", which is not on the class path", e);
            }
        }
        return types;
    }
}
