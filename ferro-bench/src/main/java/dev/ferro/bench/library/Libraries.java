package dev.ferro.bench.library;

import dev.ferro.bench.BenchDatabase;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

/** The libraries under test, by the name used in JMH's {@code library} parameter. */
public final class Libraries {
    /** Raw JDBC first: it is the baseline every ratio is taken against. */
    public static final List<String> NAMES = List.of("jdbc", "ferro", "jdbi", "hibernate", "jooq", "ferro-versioned");

    /** What a run without {@code --libraries} measures: the comparison with the other libraries. */
    public static final List<String> DEFAULT = NAMES.subList(0, 5);

    /**
     * Ferro with a {@code @Version} on the person models, and the library each such variant is also
     * compared with: the variant's ratio to it is the cost of the one difference.
     */
    public static final Map<String, String> VARIANT_OF = Map.of("ferro-versioned", "ferro");

    /** The libraries with code for the stream workload; the others' cells say n/a. */
    public static final List<String> STREAMING = List.of("jdbc", "ferro", "ferro-versioned");

    private Libraries() {
    }

    public static BenchLibrary open(String name, DataSource dataSource, BenchDatabase database) {
        return switch (name) {
            case "jdbc" -> new RawJdbcLibrary(dataSource);
            case "ferro" -> new FerroLibrary<>(dataSource, FerroLibrary.People.PLAIN);
            case "ferro-versioned" -> new FerroLibrary<>(dataSource, FerroLibrary.People.VERSIONED);
            case "jdbi" -> new JdbiLibrary(dataSource);
            case "hibernate" -> new HibernateLibrary(dataSource);
            case "jooq" -> new JooqLibrary(dataSource, database);
            default -> throw new IllegalArgumentException("Unknown library " + name + "; one of " + NAMES);
        };
    }
}
