package dev.ferro.impl.sql;

/** MySQL 8: MariaDB's dialect, with MySQL's name for the binary, no-pad collation of utf8mb4. */
public final class MySqlDialect extends MariaDbDialect {

    public MySqlDialect() {
        super(new Identity("mysql", "jdbc:mysql:", "mysql", "com.mysql.cj.jdbc.Driver", "com.mysql:mysql-connector-j"),
                "utf8mb4_0900_bin");
    }
}
