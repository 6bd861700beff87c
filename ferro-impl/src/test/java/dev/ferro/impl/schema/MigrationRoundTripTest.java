package dev.ferro.impl.schema;

import dev.ferro.OnDelete;
import dev.ferro.impl.metadata.ValueKind;
import dev.ferro.impl.schema.SchemaModel.Column;
import dev.ferro.impl.schema.SchemaModel.Constraint;
import dev.ferro.impl.schema.SchemaModel.ForeignKey;
import dev.ferro.impl.schema.SchemaModel.Table;
import dev.ferro.impl.sql.Dialect;
import dev.ferro.impl.sql.Dialects;
import dev.ferro.impl.testing.Database;
import dev.ferro.impl.testing.DatabaseTest;
import dev.ferro.impl.testing.EmptyDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The migrations {@link SchemaDiff} and {@link MigrationWriter} make, step by step through sixteen versions
 * of a schema (columns added, widened, renamed, retyped, given other precision and scale, made nullable and
 * NOT NULL, given and changed and stripped of defaults, added NOT NULL with a default and with a backfill
 * value, and dropped; indexes, unique constraints and foreign keys added, dropped and changed; tables added,
 * renamed and dropped): after each step the migrated database has the schema that creating that version on
 * an empty database gives, compared through JDBC metadata (defaults included, as each database writes them
 * back), and the rows written along the way are still there with their values (a pet through its owner's
 * rebuild on SQLite, whose foreign key deletes pets with their owner; a nickname through its column's
 * rename and its table's). On SQLite the steps that ALTER TABLE cannot make rebuild their table.
 */
class MigrationRoundTripTest extends DatabaseTest {
    private static final Column ID = new Column("id", ValueKind.LONG, 0, 0, 0, false, true);
    private static final Column EMAIL = new Column("email", ValueKind.STRING, 255, 0, 0, false, false);
    private static final Column NICKNAME = new Column("nickname", ValueKind.STRING, 100, 0, 0, true, false);
    private static final Column WIDER_NICKNAME = new Column("nickname", ValueKind.STRING, 255, 0, 0, true, false);
    private static final Column HANDLE = WIDER_NICKNAME.withName("handle");
    private static final Column REQUIRED_HANDLE = HANDLE.withNullable(false);
    private static final Column STATUS = new Column("status", ValueKind.STRING, 20, 0, 0, false, false, "active");
    private static final Column STATUS_NEW = new Column("status", ValueKind.STRING, 20, 0, 0, false, false, "new");
    private static final Column STATUS_NO_DEFAULT = new Column("status", ValueKind.STRING, 20, 0, 0, false, false);
    private static final Column SCORE = new Column("score", ValueKind.INT, 0, 0, 0, false, false);
    private static final Column LONG_SCORE = new Column("score", ValueKind.LONG, 0, 0, 0, false, false);
    private static final Column BALANCE = new Column("balance", ValueKind.DECIMAL, 0, 10, 2, true, false);
    private static final Column FINER_BALANCE = new Column("balance", ValueKind.DECIMAL, 0, 12, 4, true, false);
    private static final Column OWNER = new Column("owner_id", ValueKind.LONG, 0, 0, 0, false, false);
    private static final Column OPTIONAL_OWNER = new Column("owner_id", ValueKind.LONG, 0, 0, 0, true, false);
    private static final Column NAME = new Column("name", ValueKind.STRING, 255, 0, 0, true, false);
    private static final Constraint UQ_EMAIL = new Constraint("uq_rt_account_email", List.of("email"));
    private static final Constraint UQ_NICKNAME = new Constraint("uq_rt_account_nickname", List.of("nickname"));
    private static final Constraint UQ_HANDLE = new Constraint("uq_rt_account_handle", List.of("handle"));
    private static final Constraint UQ_MEMBER_HANDLE = new Constraint("uq_rt_member_handle", List.of("handle"));
    private static final Constraint IDX_NICKNAME = new Constraint("idx_rt_account_nickname", List.of("nickname"));
    private static final Constraint IDX_OWNER = new Constraint("idx_rt_pet_owner_id", List.of("owner_id"));

    private static Table account(List<Column> columns, List<Constraint> uniques, List<Constraint> indexes) {
        return new Table("rt_account", columns, List.of("id"), uniques, indexes, List.of());
    }

    private static Table member(Column... columns) {
        return new Table("rt_member", List.of(columns), List.of("id"), List.of(UQ_MEMBER_HANDLE), List.of(), List.of());
    }

    private static Table pet(List<Column> columns, OnDelete onDelete) {
        return new Table("rt_pet", columns, List.of("id"), List.of(), List.of(IDX_OWNER),
                List.of(new ForeignKey("fk_rt_pet_owner_id", List.of("owner_id"), "rt_account", List.of("id"), onDelete)));
    }

    /** A version and what its migration is told beyond the schemas: renames and backfill values. */
    private record Version(SchemaModel schema, MigrationHints hints) {
        Version(Table... tables) {
            this(new SchemaModel(List.of(tables)), MigrationHints.NONE);
        }

        Version with(MigrationHints migrationHints) {
            return new Version(schema, migrationHints);
        }
    }

    /** The versions, each a step of the kinds a model's history takes. */
    private static final List<Version> VERSIONS = List.of(
            new Version(account(List.of(ID, EMAIL), List.of(UQ_EMAIL), List.of())),
            new Version(account(List.of(ID, EMAIL, NICKNAME), List.of(UQ_EMAIL), List.of(IDX_NICKNAME))),
            new Version(account(List.of(ID, EMAIL, WIDER_NICKNAME), List.of(UQ_EMAIL), List.of(IDX_NICKNAME))),
            new Version(account(List.of(ID, EMAIL, WIDER_NICKNAME), List.of(UQ_EMAIL), List.of(IDX_NICKNAME)),
                    pet(List.of(ID, OWNER, NAME), OnDelete.CASCADE)),
            new Version(account(List.of(ID, EMAIL, WIDER_NICKNAME), List.of(UQ_EMAIL), List.of(IDX_NICKNAME)),
                    pet(List.of(ID, OPTIONAL_OWNER, NAME), OnDelete.SET_NULL)),
            new Version(account(List.of(ID, EMAIL, WIDER_NICKNAME), List.of(UQ_NICKNAME), List.of()),
                    pet(List.of(ID, OPTIONAL_OWNER, NAME), OnDelete.SET_NULL)),
            new Version(account(List.of(ID, EMAIL, WIDER_NICKNAME), List.of(UQ_NICKNAME), List.of()),
                    pet(List.of(ID, OPTIONAL_OWNER), OnDelete.SET_NULL)),
            new Version(account(List.of(ID, EMAIL, WIDER_NICKNAME), List.of(UQ_NICKNAME), List.of())),
            // 9: a column renamed, its unique constraint named after it with it
            new Version(account(List.of(ID, EMAIL, HANDLE), List.of(UQ_HANDLE), List.of()))
                    .with(new MigrationHints(Map.of(), Map.of("rt_account.handle", "nickname"), Map.of())),
            // 10: a NOT NULL column with a default, which the rows there are take
            new Version(account(List.of(ID, EMAIL, HANDLE, STATUS), List.of(UQ_HANDLE), List.of())),
            // 11: a NOT NULL column without one, filled with a backfill value
            new Version(account(List.of(ID, EMAIL, HANDLE, STATUS, SCORE), List.of(UQ_HANDLE), List.of()))
                    .with(new MigrationHints(Map.of(), Map.of(), Map.of("rt_account.score", "7"))),
            // 12: the table renamed, its constraint with it
            new Version(member(ID, EMAIL, HANDLE, STATUS, SCORE))
                    .with(new MigrationHints(Map.of("rt_member", "rt_account"), Map.of(), Map.of())),
            // 13: a type widened, a default changed
            new Version(member(ID, EMAIL, HANDLE, STATUS_NEW, LONG_SCORE)),
            // 14: a decimal added, a nullable column made NOT NULL, its NULLs backfilled
            new Version(member(ID, EMAIL, REQUIRED_HANDLE, STATUS_NEW, LONG_SCORE, BALANCE))
                    .with(new MigrationHints(Map.of(), Map.of(), Map.of("rt_member.handle", "anon"))),
            // 15: another precision and scale
            new Version(member(ID, EMAIL, REQUIRED_HANDLE, STATUS_NEW, LONG_SCORE, FINER_BALANCE)),
            // 16: a default dropped
            new Version(member(ID, EMAIL, REQUIRED_HANDLE, STATUS_NO_DEFAULT, LONG_SCORE, FINER_BALANCE)));

    @Override
    protected Class<?>[] models() {
        return new Class<?>[0];
    }

    @Test
    void eachStepLeavesTheSchemaThatCreatingItsVersionGivesAndKeepsTheRows() throws SQLException {
        Dialect dialect = Dialects.forUrl(database.url());
        DdlWriter ddl = new DdlWriter(dialect);
        MigrationWriter writer = new MigrationWriter(dialect);
        String migratedUrl = EmptyDatabases.url(database, ferro, "ferro_rt_migrated");
        try (Connection migrated = connect(migratedUrl)) {
            SchemaModel previous = new SchemaModel(List.of());
            for (int index = 0; index < VERSIONS.size(); index++) {
                int version = index + 1;
                SchemaModel next = VERSIONS.get(index).schema();
                run(migrated, writer.statements(previous, next, VERSIONS.get(index).hints()));
                String accounts = version >= 12 ? "rt_member" : "rt_account";
                switch (version) {
                    case 1 -> run(migrated, List.of("INSERT INTO " + dialect.quote("rt_account") + " (" + dialect.quote("id") + ", "
                            + dialect.quote("email") + ") VALUES (1, 'ann@example.com')"));
                    case 2 -> run(migrated, List.of("UPDATE " + dialect.quote("rt_account") + " SET " + dialect.quote("nickname")
                            + " = 'annie'"));
                    case 4 -> run(migrated, List.of("INSERT INTO " + dialect.quote("rt_pet") + " (" + dialect.quote("id") + ", "
                            + dialect.quote("owner_id") + ") VALUES (1, 1)"));
                    case 13 -> run(migrated, List.of("INSERT INTO " + dialect.quote("rt_member") + " (" + dialect.quote("id") + ", "
                            + dialect.quote("email") + ", " + dialect.quote("score") + ") VALUES (2, 'bob@example.com', 1)"));
                    default -> {
                    }
                }
                if (version >= 4 && version <= 7) {
                    // Kept, and still its owner's, through its own table's rebuild (version 6 on SQLite) and its owner's
                    // (version 7: a unique dropped), where dropping the old owner table would set it NULL.
                    assertEquals(List.of(1L), ownersOfPets(migrated, dialect), "pets' owners after version " + version);
                }
                String createdUrl = EmptyDatabases.url(database, ferro, "ferro_rt_created");
                try (Connection created = connect(createdUrl)) {
                    List<String> creation = new ArrayList<>();
                    for (Table table : next.tables()) {
                        creation.add(ddl.createTable(table));
                        table.indexes().forEach(each -> creation.add(ddl.createIndex(table, each)));
                    }
                    run(created, creation);
                    assertEquals(describe(created, dialect, next), describe(migrated, dialect, next), "after version " + version);
                }
                assertEquals("ann@example.com", value(migrated, dialect, accounts, "email", 1), "after version " + version);
                if (version >= 2) {
                    assertEquals("annie", value(migrated, dialect, accounts, version >= 9 ? "handle" : "nickname", 1), "after version " + version);
                }
                if (version >= 10) {
                    assertEquals("active", value(migrated, dialect, accounts, "status", 1), "after version " + version);
                }
                if (version >= 11) {
                    assertEquals("7", value(migrated, dialect, accounts, "score", 1), "after version " + version);
                }
                if (version >= 13) {
                    assertEquals("new", value(migrated, dialect, accounts, "status", 2), "after version " + version);
                    assertEquals(version >= 14 ? "anon" : null, value(migrated, dialect, accounts, "handle", 2), "after version " + version);
                }
                previous = next;
            }
        }
    }

    /** What JDBC metadata says of the schema's tables: columns, key, unique column sets, named indexes, foreign keys. */
    private static Map<String, Object> describe(Connection connection, Dialect dialect, SchemaModel schema) throws SQLException {
        DatabaseTables live = new DatabaseTables(connection, dialect);
        Map<String, Object> description = new LinkedHashMap<>();
        for (Table table : schema.tables()) {
            String name = table.name();
            description.put(name + " columns", live.columns(name).values().stream()
                    .map(c -> c.name() + " " + c.typeName() + "(" + c.size() + "," + c.digits() + ")" + (c.nullable() ? "" : " NOT NULL")
                            + (c.defaultExpression() == null ? "" : " DEFAULT " + c.defaultExpression()))
                    .toList());
            description.put(name + " key", live.primaryKey(name));
            List<DatabaseTables.Index> indexes = live.indexes(name);
            description.put(name + " uniques", new TreeSet<>(indexes.stream().filter(DatabaseTables.Index::unique)
                    .map(index -> String.join(",", index.columns())).toList()));
            description.put(name + " indexes", new TreeSet<>(indexes.stream()
                    .filter(index -> table.indexes().stream().anyMatch(expected -> expected.name().equalsIgnoreCase(index.name())))
                    .map(index -> index.name().toLowerCase(Locale.ROOT) + " " + index.columns()).toList()));
            description.put(name + " foreign keys", new TreeSet<>(live.foreignKeys(name).values().stream()
                    .map(fk -> fk.column() + " -> " + fk.targetTable() + "." + fk.targetColumn() + " " + fk.onDelete()).toList()));
        }
        return description;
    }

    private static List<Long> ownersOfPets(Connection connection, Dialect dialect) throws SQLException {
        List<Long> owners = new ArrayList<>();
        try (Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("SELECT " + dialect.quote("owner_id") + " FROM " + dialect.quote("rt_pet"))) {
            while (rows.next()) {
                long owner = rows.getLong(1);
                owners.add(rows.wasNull() ? null : owner);
            }
        }
        return owners;
    }

    /** A column's value in the row of this id, as text. */
    private static String value(Connection connection, Dialect dialect, String table, String column, long id) throws SQLException {
        try (Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("SELECT " + dialect.quote(column) + " FROM " + dialect.quote(table)
                     + " WHERE " + dialect.quote("id") + " = " + id)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    private Connection connect(String url) throws SQLException {
        Dialect dialect = Dialects.forUrl(url);
        String poolUrl = dialect.poolUrl(url);
        Properties properties = new Properties();
        if (database.user() != null) {
            properties.setProperty("user", database.user());
            properties.setProperty("password", database.password());
        }
        dialect.connectionProperties(url.toLowerCase(Locale.ROOT), Duration.ofSeconds(10)).forEach(properties::setProperty);
        return DriverManager.getConnection(poolUrl, properties);
    }

    private static void run(Connection connection, List<String> statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
