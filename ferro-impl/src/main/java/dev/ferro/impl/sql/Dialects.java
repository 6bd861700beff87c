package dev.ferro.impl.sql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Finds the dialect of a JDBC URL, of a connection's product name, or by its name: every {@link Dialect}
 * service ({@code META-INF/services/dev.ferro.impl.sql.Dialect}) seen by Ferro's class loader or the
 * thread's, the highest {@link Dialect#priority()} first. Ferro's own are listed in ferro-impl's jar; a
 * jar of one's own adds another.
 */
public final class Dialects {
    private Dialects() {
    }

    /** @throws IllegalArgumentException naming the URL scheme when no dialect serves it */
    public static Dialect forUrl(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return first(dialect -> dialect.servesUrl(lower), () -> {
            int schemeEnd = url.indexOf(':', 5);
            return "Unsupported database URL scheme '" + (schemeEnd > 0 ? url.substring(0, schemeEnd) : url)
                    + "'; Ferro has dialects for " + names();
        });
    }

    /** From {@code DatabaseMetaData.getDatabaseProductName()}. */
    public static Dialect forProductName(String product) {
        String lower = product.toLowerCase(Locale.ROOT);
        return first(dialect -> dialect.servesProduct(lower),
                () -> "Unsupported database '" + product + "'; Ferro has dialects named " + names());
    }

    /** The dialect of this {@link Dialect#name()}, as {@code FerroOptions.dialect(name)} asks for it. */
    public static Dialect named(String name) {
        return first(dialect -> dialect.name().equalsIgnoreCase(name),
                () -> "No Ferro dialect is named '" + name + "'; there are " + names());
    }

    private static Dialect first(Predicate<Dialect> serves, Supplier<String> refusal) {
        for (Dialect dialect : all()) {
            if (serves.test(dialect)) {
                return dialect;
            }
        }
        throw new IllegalArgumentException(refusal.get());
    }

    /** A new instance of every dialect, each class once, the highest priority first (then as listed). */
    private static List<Dialect> all() {
        Map<Class<?>, Dialect> found = new LinkedHashMap<>();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        for (ClassLoader loader : new ClassLoader[] {Dialect.class.getClassLoader(), context}) {
            if (loader != null) {
                for (Dialect dialect : ServiceLoader.load(Dialect.class, loader)) {
                    found.putIfAbsent(dialect.getClass(), dialect);
                }
            }
        }
        List<Dialect> dialects = new ArrayList<>(found.values());
        dialects.sort(Comparator.comparingInt(Dialect::priority).reversed());
        return dialects;
    }

    private static String names() {
        return all().stream().map(Dialect::name).distinct().collect(Collectors.joining(", "));
    }
}
