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
 * The migrations {@link SchemaDiff} and {@link MigrationWriter} make, step by step through eight versions
 * of a schema (columns added, widened, made nullable and dropped; indexes, unique constraints and foreign
 * keys added, dropped and changed; tables added and dropped): after each step the migrated database has
 * the schema that creating that version on an empty database gives, compared through JDBC metadata, and
 * the rows written along the way are still there (a pet through its owner's rebuild on SQLite, whose
 * foreign key deletes pets with their owner). On SQLite the steps that ALTER TABLE cannot make
 * rebuild their table.
 */
class MigrationRoundTripTest extends DatabaseTest {
    private static final Column ID = new Column("id", ValueKind.LONG, 0, 0, 0, false, true);
    private static final Column EMAIL = new Column("email", ValueKind.STRING, 255, 0, 0, false, false);
    private static final Column NICKNAME = new Column("nickname", ValueKind.STRING, 100, 0, 0, true, false);
    private static final Column WIDER_NICKNAME = new Column("nickname", ValueKind.STRING, 255, 0, 0, true, false);
    private static final Column OWNER = new Column("owner_id", ValueKind.LONG, 0, 0, 0, false, false);
    private static final Column OPTIONAL_OWNER = new Column("owner_id", ValueKind.LONG, 0, 0, 0, true, false);
    private static final Column NAME = new Column("name", ValueKind.STRING, 255, 0, 0, true, false);
    private static final Constraint UQ_EMAIL = new Constraint("uq_rt_account_email", List.of("email"));
    private static final Constraint UQ_NICKNAME = new Constraint("uq_rt_account_nickname", List.of("nickname"));
    private static final Constraint IDX_NICKNAME = new Constraint("idx_rt_account_nickname", List.of("nickname"));
    private static final Constraint IDX_OWNER = new Constraint("idx_rt_pet_owner_id", List.of("owner_id"));

    private static Table account(List<Column> columns, List<Constraint> uniques, List<Constraint> indexes) {
        return new Table("rt_account", columns, List.of("id"), uniques, indexes, List.of());
    }

    private static Table pet(List<Column> columns, OnDelete onDelete) {
        return new Table("rt_pet", columns, List.of("id"), List.of(), List.of(IDX_OWNER),
                List.of(new ForeignKey("fk_rt_pet_owner_id", List.of("owner_id"), "rt_account", List.of("id"), onDelete)));
    }

    /** The versions, each a step of the kinds a model's history takes. */
    private static final List<SchemaModel> VERSIONS = List.of(
            new SchemaModel(List.of(account(List.of(ID, EMAIL), List.of(UQ_EMAIL), List.of()))),
            new SchemaModel(List.of(account(List.of(ID, EMAIL, NICKNAME), List.of(UQ_EMAIL), List.of(IDX_NICKNAME)))),
            new SchemaModel(List.of(account(List.of(ID, EMAIL, WIDER_NICKNAME), List.of(UQ_EMAIL), List.of(IDX_NICKNAME)))),
            new SchemaModel(List.of(account(List.of(ID, EMAIL, WIDER_NICKNAME), List.of(UQ_EMAIL), List.of(IDX_NICKNAME)),
                    pet(List.of(ID, OWNER, NAME), OnDelete.CASCADE))),
            new SchemaModel(List.of(account(List.of(ID, EMAIL, WIDER_NICKNAME), List.of(UQ_EMAIL), List.of(IDX_NICKNAME)),
                    pet(List.of(ID, OPTIONAL_OWNER, NAME), OnDelete.SET_NULL))),
            new SchemaModel(List.of(account(List.of(ID, EMAIL, WIDER_NICKNAME), List.of(UQ_NICKNAME), List.of()),
                    pet(List.of(ID, OPTIONAL_OWNER, NAME), OnDelete.SET_NULL))),
            new SchemaModel(List.of(account(List.of(ID, EMAIL, WIDER_NICKNAME), List.of(UQ_NICKNAME), List.of()),
                    pet(List.of(ID, OPTIONAL_OWNER), OnDelete.SET_NULL))),
            new SchemaModel(List.of(account(List.of(ID, EMAIL, WIDER_NICKNAME), List.of(UQ_NICKNAME), List.of()))));

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
            for (int version = 0; version < VERSIONS.size(); version++) {
                SchemaModel next = VERSIONS.get(version);
                run(migrated, writer.statements(previous, next));
                if (version == 0) {
                    run(migrated, List.of("INSERT INTO " + dialect.quote("rt_account") + " (" + dialect.quote("id") + ", "
                            + dialect.quote("email") + ") VALUES (1, 'ann@example.com')"));
                }
                if (version == 3) {
                    run(migrated, List.of("INSERT INTO " + dialect.quote("rt_pet") + " (" + dialect.quote("id") + ", "
                            + dialect.quote("owner_id") + ") VALUES (1, 1)"));
                }
                if (version >= 3 && version <= 6) {
                    // Kept, and still its owner's, through its own table's rebuild (version 5 on SQLite) and its owner's
                    // (version 6: a unique dropped), where dropping the old owner table would set it NULL.
                    assertEquals(List.of(1L), ownersOfPets(migrated, dialect), "pets' owners after version " + (version + 1));
                }
                String createdUrl = EmptyDatabases.url(database, ferro, "ferro_rt_created");
                try (Connection created = connect(createdUrl)) {
                    List<String> creation = new ArrayList<>();
                    for (Table table : next.tables()) {
                        creation.add(ddl.createTable(table));
                        table.indexes().forEach(index -> creation.add(ddl.createIndex(table, index)));
                    }
                    run(created, creation);
                    assertEquals(describe(created, dialect, next), describe(migrated, dialect, next), "after version " + (version + 1));
                }
                assertEquals("ann@example.com", emailOfTheFirstRow(migrated, dialect), "after version " + (version + 1));
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
                    .map(c -> c.name() + " " + c.typeName() + "(" + c.size() + "," + c.digits() + ")" + (c.nullable() ? "" : " NOT NULL"))
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

    private static String emailOfTheFirstRow(Connection connection, Dialect dialect) throws SQLException {
        try (Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("SELECT " + dialect.quote("email") + " FROM " + dialect.quote("rt_account")
                     + " WHERE " + dialect.quote("id") + " = 1")) {
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
