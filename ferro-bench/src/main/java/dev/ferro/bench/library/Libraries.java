package dev.ferro.bench.library;

import dev.ferro.bench.BenchDatabase;

import javax.sql.DataSource;
import java.util.List;

/** The libraries under test, by the name used in JMH's {@code library} parameter. */
public final class Libraries {
    /** Raw JDBC first: it is the baseline every ratio is taken against. */
    public static final List<String> NAMES = List.of("jdbc", "ferro", "jdbi", "hibernate", "jooq");

    /** The libraries with code for the stream workload; the others' cells say n/a. */
    public static final List<String> STREAMING = List.of("jdbc", "ferro");

    private Libraries() {
    }

    public static BenchLibrary open(String name, DataSource dataSource, BenchDatabase database) {
        return switch (name) {
            case "jdbc" -> new RawJdbcLibrary(dataSource);
            case "ferro" -> new FerroLibrary(dataSource);
            case "jdbi" -> new JdbiLibrary(dataSource);
            case "hibernate" -> new HibernateLibrary(dataSource);
            case "jooq" -> new JooqLibrary(dataSource, database);
            default -> throw new IllegalArgumentException("Unknown library " + name + "; one of " + NAMES);
        };
    }
}
