package dev.ferro.impl.sql;

import dev.ferro.impl.testing.dialect.OffsetFetchDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * How a dialect is found among the {@code Dialect} services: by the URL, by the product name a
 * DataSource reports, or by name; the test sources add {@link OffsetFetchDialect} to Ferro's five.
 */
class DialectsTest {

    @ParameterizedTest
    @CsvSource({
        "jdbc:h2:mem:app, h2",
        "JDBC:H2:file:/tmp/app, h2",
        "jdbc:postgresql://db/app, postgresql",
        "jdbc:mariadb://db/app, mariadb",
        "jdbc:mysql://db/app, mysql",
        "jdbc:sqlite:/tmp/app.db, sqlite",
        "jdbc:h2:mem:app;MODE=MSSQLServer, h2-offset-fetch"})
    void theUrlPicksTheDialectTheHighestPriorityFirst(String url, String name) {
        assertEquals(name, Dialects.forUrl(url).name());
    }

    @ParameterizedTest
    @CsvSource({"H2, h2", "PostgreSQL, postgresql", "MariaDB, mariadb", "MySQL, mysql", "SQLite, sqlite"})
    void theProductNameOfADataSourcePicksTheDialect(String product, String name) {
        assertEquals(name, Dialects.forProductName(product).name());
    }

    @Test
    void aDialectCanBeNamed() {
        assertInstanceOf(OffsetFetchDialect.class, Dialects.named("h2-offset-fetch"));
        assertInstanceOf(MySqlDialect.class, Dialects.named("MySQL"));
    }

    @Test
    void anUnknownSchemeOrNameIsRefusedWithTheDialectsThereAre() {
        IllegalArgumentException scheme = assertThrows(IllegalArgumentException.class, () -> Dialects.forUrl("jdbc:oracle:thin:@db:1521/app"));
        assertEquals("Unsupported database URL scheme 'jdbc:oracle'; Ferro has dialects for "
                + "h2-offset-fetch, h2, postgresql, mariadb, mysql, sqlite", scheme.getMessage());

        IllegalArgumentException name = assertThrows(IllegalArgumentException.class, () -> Dialects.named("oracle"));
        assertEquals("No Ferro dialect is named 'oracle'; there are h2-offset-fetch, h2, postgresql, mariadb, mysql, sqlite",
                name.getMessage());
    }

    @Test
    void eachDialectWritesItsPageAndTheOrderItsValuesBindIn() {
        Dialect.Paging standard = Dialects.named("h2").paging(true, true);
        Dialect.Paging offsetFetch = Dialects.named("h2-offset-fetch").paging(true, true);

        assertEquals(new Dialect.Paging(" LIMIT ? OFFSET ?", false), standard);
        assertEquals(new Dialect.Paging(" OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", true), offsetFetch);
        assertEquals(" LIMIT 18446744073709551615 OFFSET ?", Dialects.named("mariadb").paging(false, true).clause());
        assertEquals(" LIMIT -1 OFFSET ?", Dialects.named("sqlite").paging(false, true).clause());
        assertEquals("", Dialects.named("postgresql").paging(false, false).clause());
    }
}
