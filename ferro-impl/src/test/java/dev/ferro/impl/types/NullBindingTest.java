package dev.ferro.impl.types;

import dev.ferro.Attribute;
import dev.ferro.impl.testing.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * NULL in every nullable column: bound with its column's SQL type (not as text), stored as NULL
 * and read back as null, never as 0. The original Python ORM got this wrong in issues #38, #40,
 * #42, #56 and #58; the tests named after them pin the behaviour down.
 */
class NullBindingTest extends DatabaseTest {

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {AllTypes.class};
    }

    /** Every nullable field with a non-null value to start from. */
    static Stream<Arguments> nullableFields() {
        return Stream.of(
                Arguments.of(AllTypes_.wrapperBoolean, true),
                Arguments.of(AllTypes_.wrapperShort, (short) 7),
                Arguments.of(AllTypes_.wrapperInt, 7),
                Arguments.of(AllTypes_.wrapperLong, 7L),
                Arguments.of(AllTypes_.wrapperFloat, 7f),
                Arguments.of(AllTypes_.wrapperDouble, 7d),
                Arguments.of(AllTypes_.bigDecimal, new BigDecimal("7.00")),
                Arguments.of(AllTypes_.preciseDecimal, new BigDecimal("7.0000")),
                Arguments.of(AllTypes_.string, "seven"),
                Arguments.of(AllTypes_.longString, "seven"),
                Arguments.of(AllTypes_.uuid, UUID.fromString("00000000-0000-0000-0000-000000000007")),
                Arguments.of(AllTypes_.localDate, LocalDate.of(2007, 7, 7)),
                Arguments.of(AllTypes_.localTime, LocalTime.of(7, 7)),
                Arguments.of(AllTypes_.localDateTime, LocalDateTime.of(2007, 7, 7, 7, 7)),
                Arguments.of(AllTypes_.offsetDateTime, OffsetDateTime.of(2007, 7, 7, 7, 7, 0, 0, ZoneOffset.UTC)),
                Arguments.of(AllTypes_.instant, Instant.parse("2007-07-07T07:07:00Z")),
                Arguments.of(AllTypes_.bytes, new byte[] {7}),
                Arguments.of(AllTypes_.status, Status.ACTIVE));
    }

    static Stream<Attribute<?, ?>> nullableAttributes() {
        return nullableFields().map(arguments -> (Attribute<?, ?>) arguments.get()[0]);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nullableAttributes")
    void nullRoundTripsAsNull(Attribute<AllTypes, Object> attribute) {
        AllTypes written = ferro.query(AllTypes.class).create(new AllTypes());

        AllTypes read = ferro.query(AllTypes.class).get(written.id);

        assertNotSame(written, read);
        assertNull(RoundTrip.get(read, attribute.name()));
        assertEquals(1, ferro.query(AllTypes.class).where(attribute.isNull()).count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nullableFields")
    void bulkUpdateSetsNullThatReadsBackNull(Attribute<AllTypes, Object> attribute, Object value) {
        long id = createWith(attribute, value);

        long updated = ferro.query(AllTypes.class).where(AllTypes_.id.eq(id)).update(attribute.set(null));

        assertEquals(1, updated);
        assertNull(RoundTrip.get(ferro.query(AllTypes.class).get(id), attribute.name()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nullableFields")
    void saveWritesNullThatReadsBackNull(Attribute<AllTypes, Object> attribute, Object value) {
        long id = createWith(attribute, value);
        AllTypes loaded = ferro.query(AllTypes.class).get(id);
        RoundTrip.set(loaded, attribute.name(), null);

        ferro.save(loaded);

        AllTypes read = ferro.query(AllTypes.class).get(id);
        assertNotSame(loaded, read);
        assertNull(RoundTrip.get(read, attribute.name()));
    }

    @Test
    void nullNumbersInsertAsTypedNulls_issue38() {
        // PostgreSQL refused a NULL bound as text for an integer column:
        // "column is of type integer but expression is of type text".
        AllTypes written = ferro.query(AllTypes.class).create(new AllTypes());

        assertEquals(List.of(nullRow("wrapper_short", "wrapper_int", "wrapper_long", "big_decimal")),
                ferro.fetchAll("SELECT wrapper_short, wrapper_int, wrapper_long, big_decimal FROM types_all WHERE id = ?",
                        written.id));
        assertEquals(1, ferro.query(AllTypes.class).where(AllTypes_.wrapperInt.isNull()).where(AllTypes_.wrapperLong.isNull()).count());
    }

    @Test
    void nullTemporalsInsertAndReadBackNull_issue40() {
        AllTypes written = new AllTypes();
        written.localDate = LocalDate.of(2020, 1, 1);
        written.instant = Instant.parse("2020-01-01T00:00:00Z");
        ferro.query(AllTypes.class).create(written);
        written.localDate = null;
        written.instant = null;

        ferro.save(written);
        AllTypes read = ferro.query(AllTypes.class).get(written.id);

        assertNull(read.localDate);
        assertNull(read.localTime);
        assertNull(read.localDateTime);
        assertNull(read.offsetDateTime);
        assertNull(read.instant);
    }

    @Test
    void updateToNullReadsBackNullNotZero_issue42() {
        AllTypes written = new AllTypes();
        written.wrapperInt = 5;
        written.wrapperDouble = 5.5;
        written.wrapperBoolean = true;
        ferro.query(AllTypes.class).create(written);

        ferro.query(AllTypes.class).where(AllTypes_.id.eq(written.id))
                .update(AllTypes_.wrapperInt.set(null), AllTypes_.wrapperDouble.set(null), AllTypes_.wrapperBoolean.set(null));

        AllTypes read = ferro.query(AllTypes.class).get(written.id);
        assertNull(read.wrapperInt);
        assertNull(read.wrapperDouble);
        assertNull(read.wrapperBoolean);
        assertEquals(0, ferro.query(AllTypes.class).where(AllTypes_.wrapperInt.eq(0)).count());
    }

    @Test
    void nullReadsBackNullAfterReconnect_issue56() {
        AllTypes written = ferro.query(AllTypes.class).create(new AllTypes());
        ferro.close();
        ferro = database.connect(database.options().models(AllTypes.class));

        AllTypes read = ferro.query(AllTypes.class).get(written.id);

        assertNull(read.wrapperShort);
        assertNull(read.wrapperInt);
        assertNull(read.wrapperLong);
        assertNull(read.wrapperFloat);
        assertNull(read.wrapperDouble);
        assertNull(read.wrapperBoolean);
        assertNull(read.bigDecimal);
    }

    @Test
    void decimalStoredAsIntegerHydratesAsDecimal_issue58() {
        AllTypes written = ferro.query(AllTypes.class).create(new AllTypes());
        // A whole number written by other SQL: SQLite stores it with INTEGER storage class.
        ferro.execute("UPDATE types_all SET big_decimal = 12, precise_decimal = 3 WHERE id = ?", written.id);

        AllTypes read = ferro.query(AllTypes.class).get(written.id);

        assertEquals(new BigDecimal("12.00"), read.bigDecimal);
        assertEquals(new BigDecimal("3.0000"), read.preciseDecimal);
    }

    private long createWith(Attribute<AllTypes, Object> attribute, Object value) {
        AllTypes model = new AllTypes();
        RoundTrip.set(model, attribute.name(), value);
        return ferro.query(AllTypes.class).create(model).id;
    }

    private static Map<String, Object> nullRow(String... columns) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (String column : columns) {
            row.put(column, null);
        }
        return row;
    }
}
