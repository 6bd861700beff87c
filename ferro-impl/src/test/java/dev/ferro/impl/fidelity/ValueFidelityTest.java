package dev.ferro.impl.fidelity;

import dev.ferro.DataAccessException;
import dev.ferro.Query;
import dev.ferro.Ref;
import dev.ferro.ValueOutOfRangeException;
import dev.ferro.impl.testing.Database;
import dev.ferro.impl.testing.DatabaseTest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A write stores exactly what the model holds or fails before any SQL with the same typed error on
 * every database; a value read that does not fit its field is refused, never narrowed.
 */
class ValueFidelityTest extends DatabaseTest {
    private static final String EMOJI = "\uD83D\uDE00";
    private Query<FidValue> values;
    private Query<FidUser> users;

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {FidUser.class, FidValue.class};
    }

    @BeforeEach
    void queries() {
        values = ferro.query(FidValue.class);
        users = ferro.query(FidUser.class);
    }

    /**
     * One value written into one field: read back {@code equals} (a BigDecimal with its scale), or
     * refused before SQL with a {@link ConstraintViolationException} whose one violation names the
     * field. {@code onSqlite} is the outcome where SQLite differs: it keeps decimals as 8-byte
     * floating point, exact to 15 significant digits.
     */
    private record Row(String field, Object value, boolean refused, Boolean refusedOnSqlite) {
        static Row stored(String field, Object value) {
            return new Row(field, value, false, null);
        }

        static Row refused(String field, Object value) {
            return new Row(field, value, true, null);
        }

        boolean refusedOn(Database database) {
            return database == Database.SQLITE && refusedOnSqlite != null ? refusedOnSqlite : refused;
        }
    }

    private static final List<Row> TABLE = List.of(
            Row.stored("price", new BigDecimal("123.46")),
            Row.stored("price", new BigDecimal("-0.01")),
            Row.refused("price", new BigDecimal("1.005")),
            Row.refused("price", new BigDecimal("1E-10")),
            Row.stored("price", new BigDecimal("123456789012.34")),
            new Row("price", new BigDecimal("999999999999999999999999999999999999.99"), false, true),
            Row.refused("price", new BigDecimal("1000000000000000000000000000000000000.00")),
            Row.stored("small", new BigDecimal("999.99")),
            Row.refused("small", new BigDecimal("1000.00")),
            Row.refused("small", new BigDecimal("0.001")),
            Row.stored("name", "a".repeat(20)),
            Row.refused("name", "a".repeat(21)),
            Row.stored("name", EMOJI.repeat(20)),
            Row.refused("name", EMOJI.repeat(21)),
            Row.stored("name", "Zoë, 5 €, e\u0301"),
            Row.refused("name", "a\uD800b"),
            Row.refused("name", "\uDC00"),
            Row.refused("name", EMOJI.substring(0, 1)),
            Row.stored("ratio", Double.MAX_VALUE),
            Row.stored("ratio", -Double.MAX_VALUE),
            Row.stored("ratio", 0.1 + 0.2),
            Row.refused("ratio", Double.NaN),
            Row.refused("ratio", Double.POSITIVE_INFINITY),
            Row.refused("ratio", Double.NEGATIVE_INFINITY),
            Row.stored("weight", Float.MAX_VALUE),
            Row.stored("weight", 0.1f),
            Row.refused("weight", Float.NaN),
            Row.refused("weight", Float.NEGATIVE_INFINITY),
            Row.stored("count", Integer.MAX_VALUE),
            Row.stored("count", Integer.MIN_VALUE),
            Row.stored("level", Short.MIN_VALUE),
            Row.refused("owner", Ref.ofId(4294967297L)),
            Row.refused("owner", Ref.ofId(-2147483649L)));

    @Test
    void everyValueIsStoredExactlyOrRefusedBeforeAnySql() {
        List<String> mismatches = new ArrayList<>();
        for (Row row : TABLE) {
            FidValue model = new FidValue();
            set(model, row.field, row.value);
            int statementsBefore = log.count();
            long rowsBefore = values.count();
            String outcome;
            try {
                FidValue created = values.create(model);
                Object stored = get(values.get(created.id), row.field);
                outcome = row.value.equals(stored) ? "stored" : "changed to " + stored;
            } catch (ConstraintViolationException refused) {
                List<String> paths = refused.getConstraintViolations().stream()
                        .map(ConstraintViolation::getPropertyPath).map(Object::toString).toList();
                boolean beforeSql = log.count() == statementsBefore + 1 && values.count() == rowsBefore;
                outcome = paths.equals(List.of(row.field)) && beforeSql && refused.getMessage().contains("FidValue is invalid: " + row.field)
                        ? "refused" : "refused oddly: " + paths + ", " + refused.getMessage();
            } catch (RuntimeException other) {
                outcome = other.getClass().getSimpleName() + ": " + other.getMessage();
            }
            String expected = row.refusedOn(database) ? "refused" : "stored";
            if (!outcome.equals(expected)) {
                mismatches.add(row.field + " = " + describe(row.value) + ": expected " + expected + ", got " + outcome);
            }
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void aRefusalNamesTheFieldTheValueAndTheColumn() {
        FidValue model = new FidValue();
        model.price = new BigDecimal("1.005");
        model.name = "x".repeat(21);
        ConstraintViolationException refused = assertThrows(ConstraintViolationException.class, () -> values.create(model));
        assertEquals("FidValue is invalid: name has 21 characters, and its column holds 20; price has 3 digits after the"
                + " decimal point, and its column (precision 38, scale 2) keeps 2: it would be rounded", refused.getMessage());
        assertEquals(List.of("x".repeat(21), new BigDecimal("1.005")), refused.getConstraintViolations().stream()
                .sorted(java.util.Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(ConstraintViolation::getInvalidValue).toList());
    }

    @Test
    void aKeyThatDoesNotFitTheIdTypeIsRefusedNotNarrowed() {
        FidUser first = users.create(new FidUser("first"));
        assertEquals(1, first.id);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> users.get(4294967297L));
        assertEquals("FidUser.id is Integer: 4294967297 does not fit it", refused.getMessage());
        assertEquals("first", users.get(1L).name);
        assertEquals("first", users.get(new BigDecimal("1")).name);
        assertThrows(IllegalArgumentException.class, () -> users.get(new BigDecimal("1.5")));
    }

    @Test
    void bulkUpdatesAndExpressionsAreCheckedLikeSaves() {
        FidValue model = new FidValue();
        model.price = new BigDecimal("10.00");
        model.name = "n";
        FidValue created = values.create(model);
        Query<FidValue> row = values.where(FidValue_.id.eq(created.id));
        log.clear();

        assertThrows(ConstraintViolationException.class, () -> row.update(FidValue_.price.set(new BigDecimal("1.005"))));
        assertThrows(ConstraintViolationException.class, () -> row.update(FidValue_.name.set("b".repeat(21))));
        assertThrows(ConstraintViolationException.class, () -> row.update(FidValue_.ratio.set(Double.NaN)));
        assertThrows(ConstraintViolationException.class, () -> row.update(FidValue_.price.add(new BigDecimal("0.001"))));
        assertEquals(0, log.count());
        if (database != Database.SQLITE) {
            // SQLite refuses decimal arithmetic altogether (it computes in floating point).
            assertThrows(ConstraintViolationException.class, () -> row.update(FidValue_.price.multiply(new BigDecimal("1.5"))));
            assertEquals(1, row.update(FidValue_.price.add(new BigDecimal("0.01"))));
            assertEquals(1, row.update(FidValue_.price.multiply(new BigDecimal("3"))));
            assertEquals(new BigDecimal("30.03"), values.get(created.id).price);
        }
    }

    @Test
    void conditionsOnValuesFerroNeverStoresAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> values.where(FidValue_.ratio.eq(Double.NaN)).count());
        assertThrows(IllegalArgumentException.class, () -> values.where(FidValue_.weight.gt(Float.POSITIVE_INFINITY)).count());
        IllegalArgumentException surrogate = assertThrows(IllegalArgumentException.class,
                () -> values.where(FidValue_.name.eq("\uD800")).count());
        assertTrue(surrogate.getMessage().startsWith("FidValue.name cannot be compared with a string holding an unpaired"),
                surrogate.getMessage());
        assertEquals(0, log.count());
    }

    /** Only SQLite can hold an integer wider than its column; the others refuse it at the write. */
    @Test
    void anIntegerTooWideForItsFieldIsRefusedWhenRead() {
        FidValue model = new FidValue();
        model.count = 7;
        FidValue created = values.create(model);
        if (database == Database.SQLITE) {
            ferro.execute("UPDATE fid_value SET count = 4294967297 WHERE id = ?", created.id);
            ValueOutOfRangeException refused = assertThrows(ValueOutOfRangeException.class, () -> values.get(created.id));
            assertEquals(FidValue.class, refused.model());
            assertEquals("count", refused.field());
            assertEquals("4294967297", refused.value());
            assertEquals("FidValue.count cannot hold the value 4294967297 read from the database: it does not fit an int",
                    refused.getMessage());
        } else {
            assertThrows(DataAccessException.class,
                    () -> ferro.execute("UPDATE fid_value SET count = 4294967297 WHERE id = ?", created.id));
            assertEquals(7, values.get(created.id).count);
        }
    }

    /** SQLite keeps whatever a NUMERIC column is given; a decimal beyond the field's scale is refused, not rounded. */
    @Test
    void aSqliteDecimalBeyondTheFieldsScaleIsRefusedWhenRead() {
        FidValue model = new FidValue();
        model.price = new BigDecimal("123.46");
        FidValue created = values.create(model);
        if (database != Database.SQLITE) {
            assertEquals(new BigDecimal("123.46"), values.get(created.id).price);
            return;
        }
        ferro.execute("UPDATE fid_value SET price = 1.005 WHERE id = ?", created.id);
        ValueOutOfRangeException refused = assertThrows(ValueOutOfRangeException.class, () -> values.get(created.id));
        assertEquals("price", refused.field());
        assertEquals("1.005", refused.value());
        assertEquals(1, values.where(FidValue_.price.eq(new BigDecimal("1.005"))).count());
    }

    private static void set(FidValue model, String field, Object value) {
        FIELDS.get(field).accept(model, value);
    }

    private static Object get(FidValue model, String field) {
        return GETTERS.get(field).apply(model);
    }

    @SuppressWarnings("unchecked")
    private static final java.util.Map<String, BiConsumer<FidValue, Object>> FIELDS = java.util.Map.of(
            "price", (m, v) -> m.price = (BigDecimal) v,
            "small", (m, v) -> m.small = (BigDecimal) v,
            "name", (m, v) -> m.name = (String) v,
            "ratio", (m, v) -> m.ratio = (Double) v,
            "weight", (m, v) -> m.weight = (Float) v,
            "count", (m, v) -> m.count = (Integer) v,
            "level", (m, v) -> m.level = (Short) v,
            "owner", (m, v) -> m.owner = (Ref<FidUser>) v);

    private static final java.util.Map<String, Function<FidValue, Object>> GETTERS = java.util.Map.of(
            "price", m -> m.price,
            "small", m -> m.small,
            "name", m -> m.name,
            "ratio", m -> m.ratio,
            "weight", m -> m.weight,
            "count", m -> m.count,
            "level", m -> m.level,
            "owner", m -> m.owner);

    private static String describe(Object value) {
        if (value instanceof String text && text.length() > 12) {
            return "\"" + text.substring(0, 6) + "...\" (" + text.length() + " chars)";
        }
        return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    }
}
