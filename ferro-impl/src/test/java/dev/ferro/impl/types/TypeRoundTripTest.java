package dev.ferro.impl.types;

import dev.ferro.impl.testing.Database;
import dev.ferro.impl.testing.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static dev.ferro.impl.types.RoundTrip.exact;
import static dev.ferro.impl.types.RoundTrip.reads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Every supported type survives create and a fresh read (outside any transaction, so the identity
 * map cannot hand back the written instance), typical values and extreme ones alike.
 */
class TypeRoundTripTest extends DatabaseTest {

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {AllTypes.class};
    }

    static Stream<RoundTrip> typicalValues() {
        return Stream.of(
                exact("primitiveBoolean", true),
                exact("primitiveShort", (short) 12_345),
                exact("primitiveInt", 123_456_789),
                exact("primitiveLong", 1_234_567_890_123L),
                exact("primitiveFloat", 3.25f),
                exact("primitiveDouble", 2.718281828459045),
                exact("wrapperBoolean", true),
                exact("wrapperBoolean", false),
                exact("wrapperShort", (short) -321),
                exact("wrapperInt", -42),
                exact("wrapperLong", 9_876_543_210L),
                exact("wrapperFloat", -0.5f),
                exact("wrapperDouble", 1.0e-10),
                exact("bigDecimal", new BigDecimal("1234.56")),
                exact("preciseDecimal", new BigDecimal("42.0001")),
                exact("string", "hello"),
                exact("longString", "a longer text"),
                exact("uuid", UUID.fromString("3f2504e0-4f89-11d3-9a0c-0305e82c3301")),
                exact("localDate", LocalDate.of(2024, 2, 29)),
                exact("localTime", LocalTime.of(13, 45, 30, 123_456_000)),
                exact("localDateTime", LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123_456_000)),
                exact("offsetDateTime", OffsetDateTime.of(2024, 2, 29, 13, 45, 30, 123_456_000, ZoneOffset.UTC)),
                exact("instant", Instant.parse("2024-02-29T13:45:30.123456Z")),
                exact("bytes", new byte[] {0, 1, -1, 127, -128}),
                exact("status", Status.SUSPENDED));
    }

    static Stream<RoundTrip> extremeValues() {
        return Stream.of(
                exact("primitiveLong", Long.MAX_VALUE),
                exact("primitiveLong", Long.MIN_VALUE),
                exact("wrapperLong", Long.MIN_VALUE),
                exact("primitiveInt", Integer.MIN_VALUE),
                exact("wrapperInt", Integer.MAX_VALUE),
                exact("primitiveShort", Short.MIN_VALUE),
                exact("wrapperShort", Short.MAX_VALUE),
                exact("primitiveDouble", Double.MAX_VALUE),
                exact("wrapperFloat", Float.MAX_VALUE),
                exact("string", ""),
                exact("string", "日本語 ✓"),
                exact("longString", "0123456789".repeat(1_000)),
                exact("longString", "日本語 ✓".repeat(2_000)),
                exact("preciseDecimal", new BigDecimal("12345678.1234")),
                exact("preciseDecimal", new BigDecimal("-99999999.9999")),
                exact("bigDecimal", new BigDecimal("10.50")),
                reads("bigDecimal", new BigDecimal("10.5"), new BigDecimal("10.50"), "the column's scale is 2"),
                reads("bigDecimal", new BigDecimal("7"), new BigDecimal("7.00"), "the column's scale is 2"),
                exact("bigDecimal", new BigDecimal("1234567890123.45")),
                exact("bigDecimal", new BigDecimal("-123456789012345678.00")),
                reads("bigDecimal", new BigDecimal("1E+20"), new BigDecimal("100000000000000000000.00"), "the column's scale is 2"),
                exact("localDate", LocalDate.of(1970, 1, 1)),
                exact("localDate", LocalDate.of(2999, 12, 31)),
                exact("localDate", LocalDate.of(1000, 1, 1)),
                exact("localDate", LocalDate.of(1582, 10, 10)),
                exact("localDate", LocalDate.of(1899, 12, 31)),
                exact("localDateTime", LocalDateTime.of(1582, 10, 10, 12, 0, 0, 1_000)),
                exact("localDateTime", LocalDateTime.of(1000, 1, 1, 0, 0)),
                exact("instant", Instant.parse("1000-01-01T00:00:00Z")),
                exact("instant", Instant.parse("1582-10-10T12:00:00.000001Z")),
                exact("localTime", LocalTime.of(0, 0, 0, 1_000)),
                reads("offsetDateTime", OffsetDateTime.of(2024, 1, 1, 0, 30, 0, 0, ZoneOffset.ofHours(14)),
                        OffsetDateTime.of(2023, 12, 31, 10, 30, 0, 0, ZoneOffset.UTC), "the same instant at offset Z"),
                exact("localTime", LocalTime.of(23, 59, 59, 999_999_000)),
                exact("localTime", LocalTime.MIDNIGHT),
                // Databases keep microseconds at most, so Ferro cuts nanoseconds (never rounds: 23:59:59.9999999 stays on its day).
                reads("localTime", LocalTime.of(23, 59, 59, 999_999_999), LocalTime.of(23, 59, 59, 999_999_000),
                        "nanoseconds are cut to microseconds"),
                exact("localDateTime", LocalDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_000)),
                reads("localDateTime", LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123_456_789),
                        LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123_456_000), "nanoseconds are cut to microseconds"),
                // Ferro stores UTC on every database, so the offset is not kept, the instant is.
                reads("offsetDateTime", OffsetDateTime.of(2024, 7, 1, 9, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30)),
                        OffsetDateTime.of(2024, 7, 1, 3, 30, 0, 0, ZoneOffset.UTC), "the same instant at offset Z"),
                reads("offsetDateTime", OffsetDateTime.of(2024, 12, 31, 22, 0, 0, 0, ZoneOffset.ofHours(-5)),
                        OffsetDateTime.of(2025, 1, 1, 3, 0, 0, 0, ZoneOffset.UTC), "the same instant at offset Z"),
                exact("instant", Instant.parse("1970-01-01T00:00:00.000001Z")),
                exact("instant", Instant.parse("2999-12-31T23:59:59.999999Z")),
                reads("instant", Instant.parse("2024-02-29T13:45:30.123456789Z"), Instant.parse("2024-02-29T13:45:30.123456Z"),
                        "nanoseconds are cut to microseconds"),
                exact("bytes", new byte[0]),
                exact("bytes", allByteValues()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typicalValues")
    void typicalValueRoundTrips(RoundTrip value) {
        assertRoundTrips(value);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("extremeValues")
    void extremeValueRoundTrips(RoundTrip value) {
        assertRoundTrips(value);
    }

    @Test
    void decimalKeepsTheScaleOfItsColumn() {
        AllTypes written = new AllTypes();
        written.bigDecimal = new BigDecimal("10.50");
        written.preciseDecimal = new BigDecimal("12345678.1234");
        ferro.query(AllTypes.class).create(written);

        AllTypes read = ferro.query(AllTypes.class).get(written.id);

        assertEquals(2, read.bigDecimal.scale());
        assertEquals("10.50", read.bigDecimal.toPlainString());
        assertEquals(4, read.preciseDecimal.scale());
        assertEquals("12345678.1234", read.preciseDecimal.toPlainString());
    }

    @Test
    void decimalOfFullPrecisionRoundTripsExceptOnSqliteWhereItIsRefused() {
        BigDecimal value = new BigDecimal("123456789012345678901234567890123456.78");
        if (database == Database.SQLITE) {
            // SQLite keeps a fractional decimal as an 8-byte float (15 significant digits): Ferro refuses
            // to round it silently, before any SQL.
            AllTypes model = new AllTypes();
            model.bigDecimal = value;
            jakarta.validation.ConstraintViolationException error = assertThrows(jakarta.validation.ConstraintViolationException.class,
                    () -> ferro.query(AllTypes.class).create(model));
            assertEquals("AllTypes is invalid: bigDecimal has 38 significant digits, and SQLite keeps a decimal exactly only"
                    + " up to 15 (18 for a whole number): it would be rounded", error.getMessage());
            assertEquals(0, ferro.query(AllTypes.class).count());
        } else {
            assertRoundTrips(exact("bigDecimal", value));
        }
    }

    @Test
    void freshSchemaOfEveryTypeValidates() {
        ferro.schema().validate();
    }

    private void assertRoundTrips(RoundTrip value) {
        AllTypes written = new AllTypes();
        value.writeTo(written);
        ferro.query(AllTypes.class).create(written);

        AllTypes read = ferro.query(AllTypes.class).get(written.id);

        assertNotSame(written, read);
        value.assertReadFrom(read);
    }

    private static byte[] allByteValues() {
        byte[] bytes = new byte[256];
        IntStream.range(0, 256).forEach(i -> bytes[i] = (byte) i);
        return bytes;
    }
}
