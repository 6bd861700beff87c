package dev.ferro.impl.metadata;

import dev.ferro.ColumnType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The {@link ColumnType}s of one Ferro instance: those registered as services and those of its
 * options, checked once when it is made, so that a model's field finds its type by class.
 */
public final class ColumnTypes {
    /** No application types: the types Ferro stores itself only. */
    public static final ColumnTypes NONE = new ColumnTypes(Map.of());

    private final Map<Class<?>, ColumnType<?, ?>> byJavaType;

    private ColumnTypes(Map<Class<?>, ColumnType<?, ?>> byJavaType) {
        this.byJavaType = byJavaType;
    }

    /**
     * The services visible to the thread's context class loader (an application's, in a server)
     * and to Ferro's own, then {@code given}.
     *
     * @throws IllegalArgumentException for a type Ferro stores itself, a stored type it does not, or two types of one class
     */
    public static ColumnTypes withServices(Collection<? extends ColumnType<?, ?>> given) {
        List<ColumnType<?, ?>> all = new ArrayList<>(services());
        all.addAll(given);
        return of(all);
    }

    /** Exactly these types. */
    public static ColumnTypes of(Collection<? extends ColumnType<?, ?>> types) {
        Map<Class<?>, ColumnType<?, ?>> byJavaType = new HashMap<>();
        for (ColumnType<?, ?> type : types) {
            Class<?> javaType = type.javaType();
            Class<?> stored = type.storedType();
            if (javaType == null || stored == null) {
                throw new IllegalArgumentException(type + " names no Java type or no stored type");
            }
            if (ValueKind.of(javaType) != null || javaType.isPrimitive()) {
                throw new IllegalArgumentException(type + " maps " + javaType.getName()
                        + ", which Ferro stores itself; a column type is for the application's own value types");
            }
            if (ValueKind.of(stored) == null) {
                throw new IllegalArgumentException(type + " stores " + javaType.getName() + " as " + stored.getName()
                        + ", which Ferro does not store; the stored type must be one of: " + ValueKind.supportedTypes());
            }
            ColumnType<?, ?> earlier = byJavaType.putIfAbsent(javaType, type);
            if (earlier != null && earlier != type) {
                throw new IllegalArgumentException("Two column types map " + javaType.getName() + ": " + earlier + " and " + type);
            }
        }
        return new ColumnTypes(Map.copyOf(byJavaType));
    }

    /** The type that stores this field type, or null. */
    ColumnType<?, ?> of(Class<?> javaType) {
        return byJavaType.get(javaType);
    }

    /** A value as its column type stores it, when its class has one: for the arguments of raw SQL. */
    @SuppressWarnings("unchecked")
    public Object toStored(Object value) {
        if (value == null || byJavaType.isEmpty()) {
            return value;
        }
        ColumnType<Object, Object> type = (ColumnType<Object, Object>) byJavaType.get(value.getClass());
        return type == null ? value : type.toStored(value);
    }

    /** One instance of each service class: the class loaders of a server may find one class twice. */
    private static Collection<ColumnType<?, ?>> services() {
        Map<Class<?>, ColumnType<?, ?>> found = new LinkedHashMap<>();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader own = ColumnTypes.class.getClassLoader();
        try {
            if (context != null) {
                ServiceLoader.load(ColumnType.class, context).forEach(type -> found.putIfAbsent(type.getClass(), type));
            }
            if (own != context) {
                ServiceLoader.load(ColumnType.class, own).forEach(type -> found.putIfAbsent(type.getClass(), type));
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalArgumentException("A column type named in META-INF/services/" + ColumnType.class.getName()
                    + " cannot be loaded: " + e.getMessage(), e);
        }
        return found.values();
    }

    @Override
    public String toString() {
        return byJavaType.values().toString();
    }
}
