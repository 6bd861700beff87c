package dev.ferro.impl.metadata;

import dev.ferro.ColumnType;
import dev.ferro.DataAccessException;
import dev.ferro.Ferro;
import dev.ferro.ModelDefinitionException;
import dev.ferro.SchemaMode;
import dev.ferro.impl.testing.Database;
import dev.ferro.impl.testing.DatabaseTest;
import dev.ferro.impl.testing.StatementLog;
import dev.ferro.impl.types.Money;
import dev.ferro.impl.types.Sku;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model Ferro cannot map is rejected when Ferro starts, before any statement runs, with a
 * {@link ModelDefinitionException} that names the class (fully qualified) and the field at fault.
 */
class ModelDefinitionTest extends DatabaseTest {
    private static final String SUPPORTED = "supported: boolean, short, int, long, float, double (and their wrappers), "
            + "BigDecimal, String, UUID, LocalDate, LocalTime, LocalDateTime, OffsetDateTime, Instant, byte[], enums, "
            + "or a type that a registered dev.ferro.ColumnType stores (mark the field transient to leave it out)";
    private static final String INVALID = ModelSource.PACKAGE + ".";

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {MdTag.class};
    }

    @Test
    void modelWithoutIdIsRejected() {
        ModelDefinitionException e = rejected("""
                @Model(table = "md_no_id")
                public class NoId {
                    public Long code;
                    public String name;
                }
                """);
        assertEquals("Model " + INVALID + "NoId: has no @Id field", e.getMessage());
        assertNull(e.field());
    }

    @Test
    void secondIdIsRejectedNamingBoth() {
        ModelDefinitionException e = rejected("""
                @Model(table = "md_two_ids")
                public class TwoIds {
                    @Id public Long id;
                    @Id public Long otherId;
                }
                """);
        assertEquals("Model " + INVALID + "TwoIds, field 'otherId': is a second @Id (the first is 'id'); "
                + "composite keys are not supported", e.getMessage());
        assertEquals("otherId", e.field());
    }

    @Test
    void stringVersionIsRejectedNamingTheTypesAllowed() {
        ModelDefinitionException e = rejected("""
                @Model(table = "md_string_version")
                public class StringVersion {
                    @Id public Long id;
                    @Version public String version;
                }
                """);
        assertEquals("Model " + INVALID + "StringVersion, field 'version': is a @Version of type String; "
                + "a version must be int, long, Integer or Long", e.getMessage());
        assertEquals("version", e.field());
    }

    @Test
    void secondVersionIsRejectedNamingTheFirst() {
        ModelDefinitionException e = rejected("""
                @Model(table = "md_two_versions")
                public class TwoVersions {
                    @Id public Long id;
                    @Version public long version;
                    @Version public long revision;
                }
                """);
        assertEquals("Model " + INVALID + "TwoVersions, field 'revision': is a second @Version (the first is 'version')",
                e.getMessage());
    }

    @Test
    void idAsVersionIsRejected() {
        ModelDefinitionException e = rejected("""
                @Model(table = "md_id_version")
                public class IdVersion {
                    @Id @Version public Long id;
                }
                """);
        assertEquals("Model " + INVALID + "IdVersion, field 'id': cannot be the @Version: it is the @Id", e.getMessage());
    }

    @Test
    void versionColumnIsNotNullEvenWhenBoxed() {
        Class<?> model = ModelSource.compile("""
                @Model(table = "md_boxed_version")
                public class BoxedVersion {
                    @Id public Long id;
                    @Version public Integer version;
                }
                """);
        ModelMetadata<?> metadata = new ModelReader(ColumnTypes.NONE).read(model);
        assertEquals("version", metadata.version().name());
        assertFalse(metadata.version().nullable(), "a version column is NOT NULL");
    }

    @Test
    void listFieldIsRejectedNamingItsTypeAndTheSupportedOnes() {
        ModelDefinitionException e = rejected("""
                @Model(table = "md_list")
                public class ListField {
                    @Id public Long id;
                    public java.util.List<String> tags;
                }
                """);
        assertEquals("Model " + INVALID + "ListField, field 'tags': has type java.util.List<java.lang.String>, "
                + "which Ferro cannot store; " + SUPPORTED, e.getMessage());
        assertEquals("tags", e.field());
    }

    @Test
    void dateFieldIsRejectedNamingItsType() {
        ModelDefinitionException e = rejected("""
                @Model(table = "md_date")
                public class DateField {
                    @Id public Long id;
                    public java.util.Date born;
                }
                """);
        assertEquals("Model " + INVALID + "DateField, field 'born': has type java.util.Date, which Ferro cannot store; "
                + SUPPORTED, e.getMessage());
    }

    @Test
    void aValueTypeAsIdIsRejectedNamingItsColumnType() {
        Class<?> bySku = ModelSource.compile("""
                @Model(table = "md_sku_id")
                public class SkuId {
                    @Id public dev.ferro.impl.types.Sku id;
                }
                """);
        ModelDefinitionException e = assertThrows(ModelDefinitionException.class,
                () -> database.connect(database.options().models(bySku).types(Sku.TYPE)).close());
        assertEquals("Model " + INVALID + "SkuId, field 'id': is an @Id of type Sku, stored by " + Sku.TYPE
                + "; an id or version must be a type Ferro stores itself", e.getMessage());
    }

    @Test
    void columnTypesForTypesFerroStoresOrToTypesItDoesNotAreRefusedAtConnect() {
        ColumnType<String, String> text = ColumnType.of(String.class, String.class, s -> s, s -> s);
        IllegalArgumentException own = assertThrows(IllegalArgumentException.class,
                () -> database.connect(database.options().models(MdTag.class).types(text)).close());
        assertEquals(text + " maps java.lang.String, which Ferro stores itself; a column type is for the application's"
                + " own value types", own.getMessage());

        ColumnType<Sku, StringBuilder> builder = ColumnType.of(Sku.class, StringBuilder.class,
                sku -> new StringBuilder(sku.code()), b -> new Sku(b.toString()));
        IllegalArgumentException stored = assertThrows(IllegalArgumentException.class,
                () -> database.connect(database.options().models(MdTag.class).types(builder)).close());
        assertTrue(stored.getMessage().startsWith(builder + " stores dev.ferro.impl.types.Sku as java.lang.StringBuilder,"
                + " which Ferro does not store; the stored type must be one of: boolean, "), stored.getMessage());

        ColumnType<Money, String> moneyAsText = ColumnType.of(Money.class, String.class, m -> m.amount().toPlainString(), Money::of);
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> database.connect(database.options().models(MdTag.class).types(moneyAsText)).close());
        assertTrue(twice.getMessage().startsWith("Two column types map dev.ferro.impl.types.Money: dev.ferro.impl.types.MoneyType@"),
                twice.getMessage());
        assertTrue(twice.getMessage().endsWith(" and " + moneyAsText), twice.getMessage());
    }

    @Test
    void objectFieldIsRejectedNamingItsType() {
        ModelDefinitionException e = rejected("""
                @Model(table = "md_object")
                public class ObjectField {
                    @Id public Long id;
                    public Object payload;
                }
                """);
        assertEquals("Model " + INVALID + "ObjectField, field 'payload': has type java.lang.Object, which Ferro cannot store; "
                + SUPPORTED, e.getMessage());
    }

    @Test
    void finalFieldIsRejected() {
        ModelDefinitionException e = rejected("""
                @Model(table = "md_final")
                public class FinalField {
                    @Id public Long id;
                    public final String code = "x";
                }
                """);
        assertEquals("Model " + INVALID + "FinalField, field 'code': is final; Ferro must be able to set it when it reads a row",
                e.getMessage());
    }

    @Test
    void modelWithoutNoArgConstructorIsRejected() {
        ModelDefinitionException e = rejected("""
                @Model(table = "md_no_default")
                public class NoDefaultConstructor {
                    @Id public Long id;
                    public String name;

                    public NoDefaultConstructor(String name) {
                        this.name = name;
                    }
                }
                """);
        assertEquals("Model " + INVALID + "NoDefaultConstructor: needs a no-argument constructor (any visibility)", e.getMessage());
    }

    @Test
    void twoFieldsOnOneColumnAreRejected() {
        ModelDefinitionException e = rejected("""
                @Model(table = "md_same_column")
                public class SameColumn {
                    @Id public Long id;
                    public String name;
                    @Column(name = "name") public String title;
                }
                """);
        assertEquals("Model " + INVALID + "SameColumn, field 'title': maps to column 'name', which field 'name' already uses",
                e.getMessage());
        assertEquals("title", e.field());
    }

    /** MariaDB and SQLite compare column names without case, so these would be one column there. */
    @Test
    void columnNamesDifferingOnlyInCaseAreRejected() {
        ModelDefinitionException e = rejected("""
                @Model(table = "md_column_case")
                public class ColumnCase {
                    @Id public Long id;
                    public String name;
                    @Column(name = "NAME") public String title;
                }
                """);
        assertEquals("Model " + INVALID + "ColumnCase, field 'title': maps to column 'NAME', which field 'name' already uses",
                e.getMessage());
    }

    @Test
    void compositeUniqueNamingMissingFieldIsRejected() {
        ModelDefinitionException e = rejected("""
                @Model(table = "md_unique_missing")
                @Unique({"name", "emial"})
                public class UniqueMissingField {
                    @Id public Long id;
                    public String name;
                    public String email;
                }
                """);
        assertEquals("Model " + INVALID + "UniqueMissingField, field 'emial': @Unique[name, emial] names a field "
                + "that the model does not have", e.getMessage());
        assertEquals("emial", e.field());
    }

    @Test
    void compositeUniqueOverOneFieldIsRejected() {
        ModelDefinitionException e = rejected("""
                @Model(table = "md_unique_single")
                @Unique({"name"})
                public class UniqueSingleField {
                    @Id public Long id;
                    public String name;
                }
                """);
        assertEquals("Model " + INVALID + "UniqueSingleField: @Unique on a class needs at least two field names "
                + "(put it on the field for a single column), got [name]", e.getMessage());
    }

    @Test
    void doubleIdIsRejected() {
        ModelDefinitionException e = rejected("""
                @Model(table = "md_double_id")
                public class DoubleId {
                    @Id public double id;
                    public String name;
                }
                """);
        assertEquals("Model " + INVALID + "DoubleId, field 'id': is an @Id of type double; "
                + "ids must be short, int, long (generated), String or UUID", e.getMessage());
    }

    @Test
    void duplicateIndexNamesAreRejected() {
        ModelDefinitionException e = rejected("""
                @Model(table = "md_dup_index")
                public class DuplicateIndex {
                    @Id public Long id;
                    @Index(name = "md_dup") public String first;
                    @Index(name = "md_dup") public String second;
                }
                """);
        assertEquals("Model " + INVALID + "DuplicateIndex, field 'second': declares index 'md_dup' twice "
                + "(over [first] and [second])", e.getMessage());
    }

    /** MariaDB compares index names without case, so these would be one name there. */
    @Test
    void uniqueAndIndexNamesDifferingOnlyInCaseAreRejected() {
        ModelDefinitionException e = rejected("""
                @Model(table = "md_dup_case")
                public class DuplicateNameCase {
                    @Id public Long id;
                    @Unique(name = "md_dup") public String first;
                    @Index(name = "MD_DUP") public String second;
                }
                """);
        assertEquals("Model " + INVALID + "DuplicateNameCase, field 'second': declares index 'MD_DUP' twice "
                + "(over [first] and [second])", e.getMessage());
    }

    @Test
    void decimalScaleAbovePrecisionIsRejected() {
        ModelDefinitionException e = rejected("""
                @Model(table = "md_decimal")
                public class ScaleAbovePrecision {
                    @Id public Long id;
                    @Column(precision = 5, scale = 6) public BigDecimal price;
                }
                """);
        assertEquals("Model " + INVALID + "ScaleAbovePrecision, field 'price': has scale 6 above its precision 5", e.getMessage());
    }

    @Test
    void enumColumnShorterThanItsConstantsIsRejected() {
        ModelDefinitionException e = rejected("""
                @Model(table = "md_enum")
                public class ShortEnum {
                    public enum Status { NEW, PENDING }

                    @Id public Long id;
                    @Column(length = 3) public Status status;
                }
                """);
        assertEquals("Model " + INVALID + "ShortEnum, field 'status': has length 3, shorter than its longest enum constant (7)",
                e.getMessage());
    }

    /** The longest name each database keeps, and what it counts; SQLite has no limit. */
    private record NameLimit(int max, String unit, String dialect) {
        String problem(String what, String name, int length) {
            return what + " '" + name + "' is " + length + " " + unit + " long; " + dialect + " accepts at most " + max + " " + unit;
        }
    }

    private NameLimit nameLimit() {
        return switch (database) {
            case POSTGRESQL -> new NameLimit(63, "bytes", "postgresql");
            case MARIADB -> new NameLimit(64, "characters", "mariadb");
            case SQLITE -> null;
            default -> new NameLimit(256, "characters", database == Database.H2 ? "h2" : "h2-offset-fetch");
        };
    }

    /** Connects with the model and creates its table, which a database without the limit must take. */
    private void accepted(Class<?> model) {
        try (Ferro accepting = database.connect(database.options().models(model))) {
            accepting.schema().create(model);
            accepting.schema().drop(model);
        }
    }

    /** PostgreSQL would silently cut a longer name, MariaDB and H2 refuse it: both mean a different schema than the model's. */
    @Test
    void aTableNameLongerThanTheDatabaseKeepsIsRejectedAtConnect() {
        NameLimit limit = nameLimit();
        String table = "md_" + "t".repeat((limit == null ? 300 : limit.max()) - 2);
        String source = """
                @Model(table = "%s")
                public class LongTable {
                    @Id public Long id;
                }
                """.formatted(table);
        if (limit == null) {
            accepted(ModelSource.compile(source));
            return;
        }
        ModelDefinitionException e = rejected(source);
        assertEquals("Model " + INVALID + "LongTable: " + limit.problem("table name", table, limit.max() + 1), e.getMessage());
    }

    @Test
    void aColumnNameLongerThanTheDatabaseKeepsIsRejectedNamingTheField() {
        NameLimit limit = nameLimit();
        String column = "c".repeat((limit == null ? 300 : limit.max()) + 1);
        String source = """
                @Model(table = "md_long_column")
                public class LongColumn {
                    @Id public Long id;
                    @Column(name = "%s") public String viewCount;
                }
                """.formatted(column);
        if (limit == null) {
            accepted(ModelSource.compile(source));
            return;
        }
        ModelDefinitionException e = rejected(source);
        assertEquals("Model " + INVALID + "LongColumn, field 'viewCount': " + limit.problem("column name", column, limit.max() + 1),
                e.getMessage());
    }

    /** 34 characters of 65 bytes: PostgreSQL counts bytes, and would cut it; MariaDB and H2 count characters. */
    @Test
    void postgresqlCountsTheBytesOfANameAndTheOthersItsCharacters() {
        String name = "uq_" + "ü".repeat(31);
        String source = """
                @Model(table = "md_long_unique")
                public class LongUnique {
                    @Id public Long id;
                    @Unique(name = "%s") public String code;
                }
                """.formatted(name);
        if (database != Database.POSTGRESQL) {
            accepted(ModelSource.compile(source));
            return;
        }
        ModelDefinitionException e = rejected(source);
        assertEquals("Model " + INVALID + "LongUnique, field 'code': unique constraint name '" + name + "' is 65 bytes long; "
                + "postgresql accepts at most 63 bytes", e.getMessage());
    }

    /** A join table's columns are named after the tables ({@code <table>_id}): a table name near the limit makes one too long. */
    @Test
    void aJoinTableColumnLongerThanTheDatabaseKeepsIsRejectedWhenTheRelationIsResolved() {
        NameLimit limit = nameLimit();
        if (limit == null) {
            return;
        }
        String table = "t".repeat(limit.max() - 2);
        List<Class<?>> models = ModelSource.compileAll("""
                @Model(table = "%s")
                public class LongTag {
                    @Id public Long id;
                    @BackRef public Relation<Tagged> tagged;
                }
                """.formatted(table), """
                @Model(table = "md_tagged")
                public class Tagged {
                    @Id public Long id;
                    @ManyToMany(relatedName = "tagged") public Relation<LongTag> tags;
                }
                """);
        ModelDefinitionException e = assertThrows(ModelDefinitionException.class,
                () -> database.connect(database.options().models(models.get(0), models.get(1))).close());
        assertEquals("Model " + INVALID + "Tagged, field 'tags': " + limit.problem("join table column name", table + "_id",
                limit.max() + 1), e.getMessage());
    }

    @Test
    void classWithoutModelAnnotationIsRejectedByQuery() {
        ModelDefinitionException e = assertThrows(ModelDefinitionException.class, () -> ferro.query(NotAModel.class));

        assertEquals("Model dev.ferro.impl.metadata.NotAModel: is not annotated with @dev.ferro.Model", e.getMessage());
        assertSame(NotAModel.class, e.model());
        assertEquals(0, log.count());
    }

    @Test
    void rejectedModelStopsTheSchemaStepOfTheValidOnes() {
        ferro.schema().drop(MdDraft.class);
        Class<?> invalid = ModelSource.compile("""
                @Model(table = "md_no_id_2")
                public class NoIdAgain {
                    public String name;
                }
                """);
        StatementLog startup = new StatementLog();

        assertThrows(ModelDefinitionException.class, () -> database.connect(database.options()
                .models(MdDraft.class, invalid).schema(SchemaMode.CREATE).listener(startup)).close());
        assertEquals(0, startup.count());
        assertThrows(DataAccessException.class, () -> ferro.fetchAll("SELECT * FROM md_draft"));
    }

    /** Connecting with the model fails at start, with no statement run, and names the model. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "NegativeLength|String|length = -5|has @Column(length = -5): a length is at least 1, or Column.UNLIMITED",
            "NegativePrecision|java.math.BigDecimal|precision = -1|has @Column(precision = -1): a precision is at least 1",
            "NegativeScale|java.math.BigDecimal|scale = -2|has @Column(scale = -2): a scale is at least 0"})
    void negativeColumnSizesAreRejectedRatherThanTakenAsTheDefault(String model, String type, String size, String problem) {
        ModelDefinitionException e = rejected("""
                @Model(table = "md_negative_size")
                public class %s {
                    @Id public Long id;
                    @Column(%s) public %s value;
                }
                """.formatted(model, size, type));
        assertEquals("Model " + INVALID + model + ", field 'value': " + problem, e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "BadBoolean|boolean|yes|has @Column(defaultValue = \"yes\"), which is not true or false (a column of kind BOOLEAN)",
            "BadInt|int|3.5|has @Column(defaultValue = \"3.5\"), which is not a number (a column of kind INT)",
            "WideShort|short|40000|has @Column(defaultValue = \"40000\"), which does not fit the column (a column of kind SHORT)",
            "BadDecimal|java.math.BigDecimal|ten|has @Column(defaultValue = \"ten\"), which is not a number (a column of kind DECIMAL)",
            "BadEnum|java.time.DayOfWeek|SOMEDAY|has @Column(defaultValue = \"SOMEDAY\"), which is not a constant of DayOfWeek (a column of kind ENUM)",
            "DateDefault|java.time.LocalDate|2026-01-01|has @Column(defaultValue = \"2026-01-01\") on a LOCAL_DATE column; a default is for"
                    + " boolean, numeric, String and enum columns: write any other in a migration script"})
    void aDefaultTheColumnCannotTakeIsRejectedNamingTheField(String model, String type, String value, String problem) {
        ModelDefinitionException e = rejected("""
                @Model(table = "md_bad_default")
                public class %s {
                    @Id public Long id;
                    @Column(defaultValue = "%s") public %s value;
                }
                """.formatted(model, value, type));
        assertEquals("Model " + INVALID + model + ", field 'value': " + problem, e.getMessage());
    }

    @Test
    void aDefaultLongerThanItsColumnAndARenameToItselfAreRejected() {
        ModelDefinitionException tooLong = rejected("""
                @Model(table = "md_long_default")
                public class LongDefault {
                    @Id public Long id;
                    @Column(length = 3, defaultValue = "four") public String value;
                }
                """);
        assertEquals("Model " + INVALID + "LongDefault, field 'value': has @Column(defaultValue) of 4 characters, longer than its column (3)",
                tooLong.getMessage());
        ModelDefinitionException sameColumn = rejected("""
                @Model(table = "md_same_name")
                public class SameColumn {
                    @Id public Long id;
                    @Column(renamedFrom = "full_name") public String fullName;
                }
                """);
        assertEquals("Model " + INVALID + "SameColumn, field 'fullName': has @Column(renamedFrom = \"full_name\"), its own column's name",
                sameColumn.getMessage());
        ModelDefinitionException sameTable = rejected("""
                @Model(table = "md_same_table", renamedFrom = "md_same_table")
                public class SameTable {
                    @Id public Long id;
                }
                """);
        assertEquals("Model " + INVALID + "SameTable: has @Model(renamedFrom = \"md_same_table\"), its own table's name", sameTable.getMessage());
    }

    /** Each database's own limits, checked at connect: PostgreSQL's NUMERIC holds 1,000 digits, MariaDB's DECIMAL 65. */
    @Test
    void aColumnTheDatabaseCannotMakeIsRejectedAtConnect() {
        String source = """
                @Model(table = "md_wide_decimal")
                public class WideDecimal {
                    @Id public Long id;
                    @Column(precision = 2000, scale = 2) public java.math.BigDecimal amount;
                }
                """;
        String expected = switch (database) {
            case POSTGRESQL -> "has precision 2000; a postgresql decimal holds at most 1000 digits";
            case MARIADB -> "has precision 2000; a mariadb decimal holds at most 65 digits";
            case H2, H2_OFFSET_FETCH, SQLITE -> null;
        };
        if (expected == null) {
            Class<?> model = ModelSource.compile(source);
            try (var wide = database.connect(database.options().models(model))) {
                wide.schema().drop(model);
                wide.schema().create(model);
                assertEquals(0, wide.query(model).count());
                wide.schema().drop(model);
            }
            return;
        }
        assertEquals("Model " + INVALID + "WideDecimal, field 'amount': " + expected, rejected(source).getMessage());
    }

    private ModelDefinitionException rejected(String source) {
        Class<?> model = ModelSource.compile(source);
        StatementLog startup = new StatementLog();
        ModelDefinitionException e = assertThrows(ModelDefinitionException.class,
                () -> database.connect(database.options().models(model).listener(startup)).close());
        assertSame(model, e.model());
        assertEquals(0, startup.count());
        return e;
    }
}
