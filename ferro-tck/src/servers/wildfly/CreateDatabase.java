import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates the PostgreSQL database of the WildFly TCK run when it does not exist yet (run by the build with java's
 * source launcher, the PostgreSQL driver on the class path). The WildFly run has a database of its own so that it
 * can run beside other TCK runs on the same server.
 *
 * <p>Arguments: the JDBC URL of a database to connect to (postgres), the database to create, the user, the password.
 */
public class CreateDatabase {
    public static void main(String[] args) throws SQLException {
        String url = args[0];
        String database = args[1];
        String user = args.length > 2 ? args[2] : "";
        String password = args.length > 3 ? args[3] : "";
        if (!database.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            try (PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, database);
                try (ResultSet rows = exists.executeQuery()) {
                    if (rows.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database \"" + database + "\"");
                System.out.println("Created the PostgreSQL database " + database);
            } catch (SQLException e) {
                // 42P04: created meanwhile by someone else.
                if (!"42P04".equals(e.getSQLState())) {
                    throw e;
                }
            }
        }
    }
}
