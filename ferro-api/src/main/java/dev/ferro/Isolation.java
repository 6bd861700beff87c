package dev.ferro;

/**
 * The isolation level of a transaction. {@link #DEFAULT} keeps the connection's own: READ COMMITTED
 * on PostgreSQL, MariaDB (as Ferro's pool sets it) and H2, SERIALIZABLE on SQLite. SQLite runs every
 * transaction serializable, which gives each level's guarantees and more.
 */
public enum Isolation {
    DEFAULT(-1),
    READ_UNCOMMITTED(java.sql.Connection.TRANSACTION_READ_UNCOMMITTED),
    READ_COMMITTED(java.sql.Connection.TRANSACTION_READ_COMMITTED),
    REPEATABLE_READ(java.sql.Connection.TRANSACTION_REPEATABLE_READ),
    SERIALIZABLE(java.sql.Connection.TRANSACTION_SERIALIZABLE);

    private final int jdbcLevel;

    Isolation(int jdbcLevel) {
        this.jdbcLevel = jdbcLevel;
    }

    /** The {@code java.sql.Connection.TRANSACTION_*} constant, or -1 for {@link #DEFAULT}. */
    public int jdbcLevel() {
        return jdbcLevel;
    }
}
