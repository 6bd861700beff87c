package dev.ferro.impl.sql;

/** MySQL 8: MariaDB's dialect, with MySQL's name for the binary, no-pad collation of utf8mb4. */
public final class MySqlDialect extends MariaDbDialect {

    public MySqlDialect() {
        super("utf8mb4_0900_bin");
    }

    @Override
    public String name() {
        return "mysql";
    }

    @Override
    public boolean servesUrl(String lowerUrl) {
        return lowerUrl.startsWith("jdbc:mysql:");
    }

    @Override
    public boolean servesProduct(String lowerProductName) {
        return lowerProductName.contains("mysql");
    }

    @Override
    public String driverClass() {
        return "com.mysql.cj.jdbc.Driver";
    }

    @Override
    public String driverArtifact() {
        return "com.mysql:mysql-connector-j";
    }
}
