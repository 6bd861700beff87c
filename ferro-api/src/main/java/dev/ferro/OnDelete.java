package dev.ferro;

/** What the database does to the rows that point at a row being deleted ({@link ForeignKey#onDelete()}). */
public enum OnDelete {
    /** Delete them too. */
    CASCADE("CASCADE"),
    /** Refuse the delete at once while any exist ({@link ForeignKeyViolationException}). */
    RESTRICT("RESTRICT"),
    /** Set their foreign key to NULL; the foreign key must be {@link ForeignKey#nullable() nullable}. */
    SET_NULL("SET NULL"),
    /** Refuse the delete while any exist, checked at the end of the statement (the SQL default). */
    NO_ACTION("NO ACTION");

    private final String sql;

    OnDelete(String sql) {
        this.sql = sql;
    }

    /** The SQL words of the rule, as in {@code ON DELETE SET NULL}. */
    public String sql() {
        return sql;
    }
}
