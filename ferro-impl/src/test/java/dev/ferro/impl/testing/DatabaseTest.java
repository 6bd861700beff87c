package dev.ferro.impl.testing;

import dev.ferro.Ferro;
import dev.ferro.FerroOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * The base of every ORM test: each test method runs once per {@link Database} (the four, and those
 * {@link AlsoOn} adds), on fresh tables of
 * the models the subclass names. A server that is down makes its tests report skipped with the
 * reason, except in CI ({@code CI=true}), where every database is required and the test fails.
 */
@ParameterizedClass(name = "{0}")
@ArgumentsSource(Databases.class)
public abstract class DatabaseTest {
    @Parameter
    protected Database database;

    protected Ferro ferro;

    /** Every statement of the test, recorded after the tables were made. */
    protected final StatementLog log = new StatementLog();

    /** The models whose tables each test gets, parents before children. */
    protected abstract Class<?>[] models();

    /** Adjusts the options of the test's Ferro (credentials and models are already set). */
    protected FerroOptions options(FerroOptions options) {
        return options;
    }

    @BeforeEach
    void connectAndCreateTables() {
        String unavailable = database.unavailableReason();
        if (unavailable != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("CI requires every database: " + unavailable);
            }
            Assumptions.abort(unavailable);
        }
        ferro = database.connect(options(database.options().models(models()).listener(log)));
        Class<?>[] models = models();
        for (int i = models.length - 1; i >= 0; i--) {
            ferro.schema().drop(models[i]);
        }
        ferro.schema().create(models);
        log.clear();
    }

    @AfterEach
    void close() {
        if (ferro != null) {
            ferro.close();
        }
    }
}
