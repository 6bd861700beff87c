package dev.ferro.tck.config;

import dev.ferro.Ferro;
import dev.ferro.Query;
import dev.ferro.tck.TckDeployment;
import dev.ferro.tck.model.TckPerson;
import dev.ferro.tck.model.TckPerson_;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The database is the one MicroProfile Config names: {@code ferro.url}, {@code ferro.username} and
 * {@code ferro.password} of the deployment's {@code META-INF/microprofile-config.properties}. A row written
 * through Ferro is read back over a plain JDBC connection opened with those values, and the reverse.
 *
 * <p>Only for runs where Ferro connects by {@code ferro.url} (not by {@code ferro.datasource}).
 */
@ExtendWith(ArquillianExtension.class)
public class ConfigTest {

    @Deployment
    public static WebArchive deployment() {
        return TckDeployment.of(ConfigTest.class).models(TckPerson.class).build();
    }

    @Inject
    Query<TckPerson> people;

    @Inject
    Ferro ferro;

    /** A JDBC connection to what the configuration names, through the driver that accepts the URL. */
    private static Connection configured() throws SQLException {
        Config config = ConfigProvider.getConfig();
        String url = config.getValue("ferro.url", String.class);
        Properties credentials = new Properties();
        config.getOptionalValue("ferro.username", String.class).ifPresent(user -> credentials.setProperty("user", user));
        config.getOptionalValue("ferro.password", String.class).ifPresent(password -> credentials.setProperty("password", password));
        for (Driver driver : ServiceLoader.load(Driver.class, Thread.currentThread().getContextClassLoader())) {
            if (driver.acceptsURL(url)) {
                return driver.connect(url, credentials);
            }
        }
        throw new IllegalStateException("No JDBC driver in the deployment accepts ferro.url=" + url);
    }

    private static long countByJdbc(String name) throws SQLException {
        try (Connection connection = configured();
             PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM \"tck_person\" WHERE \"name\" = ?")) {
            count.setString(1, name);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Test
    void whatFerroWritesIsInTheConfiguredDatabase() throws SQLException {
        String name = "cfg-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(0, countByJdbc(name));

        people.create(new TckPerson(name, 30));

        assertEquals(1, countByJdbc(name));
        people.where(TckPerson_.name.eq(name)).delete();
        assertEquals(0, countByJdbc(name));
    }

    @Test
    void whatTheConfiguredDatabaseHoldsIsWhatFerroReads() throws SQLException {
        String name = "jdbc-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = configured();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO \"tck_person\" (\"name\", \"age\", \"active\") VALUES (?, ?, ?)")) {
            insert.setString(1, name);
            insert.setInt(2, 61);
            insert.setBoolean(3, true);
            assertEquals(1, insert.executeUpdate());
        }

        assertEquals(61, people.where(TckPerson_.name.eq(name)).one().age);
        assertEquals(1, people.where(TckPerson_.name.eq(name)).delete());
    }
}
