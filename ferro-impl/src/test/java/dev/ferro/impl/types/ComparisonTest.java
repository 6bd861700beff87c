package dev.ferro.impl.types;

import dev.ferro.Attribute;
import dev.ferro.SortableAttribute;
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
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Conditions compare values as the values they are: numbers, decimals, dates, times and instants
 * in their own order, not in the order of their text (9 < 10 < 100), SQLite included.
 */
class ComparisonTest extends DatabaseTest {

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {AllTypes.class};
    }

    /** Three values of one field in ascending order, chosen so that their text sorts differently. */
    record Ordered<T extends Comparable<? super T>>(SortableAttribute<AllTypes, T> attribute, T low, T mid, T high) {
        @Override
        public String toString() {
            return attribute.name() + ": " + low + " < " + mid + " < " + high;
        }
    }

    /** A value of one field and another value of it. */
    record Distinct<T>(Attribute<AllTypes, T> attribute, T value, T other) {
        @Override
        public String toString() {
            return attribute.name();
        }
    }

    static Stream<Ordered<?>> orderedValues() {
        return Stream.of(
                new Ordered<>(AllTypes_.primitiveShort, (short) 9, (short) 10, (short) 100),
                new Ordered<>(AllTypes_.wrapperShort, (short) -10, (short) -9, (short) 1),
                new Ordered<>(AllTypes_.primitiveInt, 9, 10, 100),
                new Ordered<>(AllTypes_.wrapperInt, Integer.MIN_VALUE, -1, Integer.MAX_VALUE),
                new Ordered<>(AllTypes_.primitiveLong, Long.MIN_VALUE, 9L, Long.MAX_VALUE),
                new Ordered<>(AllTypes_.wrapperLong, 9L, 10L, 100L),
                // 9.1, 10.2 and 100.3 have no exact binary form: equality must still hold for the value given.
                new Ordered<>(AllTypes_.primitiveFloat, 9.1f, 10.2f, 100.3f),
                new Ordered<>(AllTypes_.wrapperFloat, -10.5f, -9.5f, 0.1f),
                new Ordered<>(AllTypes_.primitiveDouble, 9.1, 10.2, 100.3),
                new Ordered<>(AllTypes_.wrapperDouble, -1.0e10, 2.5e-3, 1.0e10),
                new Ordered<>(AllTypes_.bigDecimal, new BigDecimal("9.50"), new BigDecimal("10.25"), new BigDecimal("100.00")),
                new Ordered<>(AllTypes_.preciseDecimal, new BigDecimal("-10.0000"), new BigDecimal("-9.5000"),
                        new BigDecimal("12345678.1234")),
                new Ordered<>(AllTypes_.string, "apple", "banana", "cherry"),
                new Ordered<>(AllTypes_.localDate, LocalDate.of(1970, 1, 1), LocalDate.of(2024, 2, 29), LocalDate.of(2999, 12, 31)),
                new Ordered<>(AllTypes_.localTime, LocalTime.of(9, 0), LocalTime.of(10, 0, 0, 500_000),
                        LocalTime.of(23, 59, 59, 999_999_000)),
                new Ordered<>(AllTypes_.localDateTime, LocalDateTime.of(2024, 1, 9, 23, 0), LocalDateTime.of(2024, 1, 10, 1, 0),
                        LocalDateTime.of(2024, 1, 10, 1, 0, 0, 1_000)),
                // Earlier local times at later instants: only a comparison of instants orders these right.
                new Ordered<>(AllTypes_.offsetDateTime,
                        OffsetDateTime.of(2024, 1, 1, 10, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30)),
                        OffsetDateTime.of(2024, 1, 1, 5, 0, 0, 0, ZoneOffset.UTC),
                        OffsetDateTime.of(2024, 1, 1, 3, 0, 0, 0, ZoneOffset.ofHours(-3))),
                new Ordered<>(AllTypes_.instant, Instant.parse("2024-01-01T09:59:59.999999Z"), Instant.parse("2024-01-01T10:00:00Z"),
                        Instant.parse("2024-01-01T10:00:00.000001Z")));
    }

    static Stream<Distinct<?>> distinctValues() {
        return Stream.of(
                new Distinct<>(AllTypes_.primitiveBoolean, true, false),
                new Distinct<>(AllTypes_.wrapperBoolean, false, true),
                new Distinct<>(AllTypes_.uuid, UUID.fromString("00000000-0000-0000-0000-000000000010"),
                        UUID.fromString("00000000-0000-0000-0000-000000000009")),
                new Distinct<>(AllTypes_.status, Status.SUSPENDED, Status.ACTIVE),
                new Distinct<>(AllTypes_.longString, "x".repeat(5_000), "y".repeat(5_000)),
                new Distinct<>(AllTypes_.bytes, new byte[] {1, 2, 3}, new byte[] {1, 2}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("orderedValues")
    <T extends Comparable<? super T>> void comparesAsValues(Ordered<T> values) {
        SortableAttribute<AllTypes, T> attribute = values.attribute();
        // Inserted out of order so that id order cannot pass for value order.
        long mid = createWith(attribute, values.mid());
        long high = createWith(attribute, values.high());
        long low = createWith(attribute, values.low());
        var query = ferro.query(AllTypes.class);

        assertEquals(List.of(mid), ids(query.where(attribute.eq(values.mid())).all()));
        assertEquals(List.of(low), ids(query.where(attribute.lt(values.mid())).all()));
        assertEquals(List.of(low, mid), ids(query.where(attribute.le(values.mid())).orderBy(attribute.asc()).all()));
        assertEquals(List.of(high), ids(query.where(attribute.gt(values.mid())).all()));
        assertEquals(List.of(mid, high), ids(query.where(attribute.between(values.mid(), values.high())).orderBy(attribute.asc()).all()));
        assertEquals(List.of(high, mid, low), ids(query.orderBy(attribute.desc()).all()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("distinctValues")
    <T> void eqFindsTheRowWithThatValue(Distinct<T> values) {
        long match = createWith(values.attribute(), values.value());
        long other = createWith(values.attribute(), values.other());
        var query = ferro.query(AllTypes.class);

        assertEquals(List.of(match), ids(query.where(values.attribute().eq(values.value())).all()));
        assertEquals(List.of(other), ids(query.where(values.attribute().ne(values.value())).all()));
        assertEquals(List.of(match, other), ids(query.where(values.attribute().in(values.value(), values.other()))
                .orderBy(AllTypes_.id.asc()).all()));
    }

    @Test
    void offsetDateTimeMatchesTheSameInstantGivenAtAnotherOffset() {
        long id = createWith(AllTypes_.offsetDateTime, OffsetDateTime.of(2024, 1, 1, 10, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30)));

        List<AllTypes> found = ferro.query(AllTypes.class)
                .where(AllTypes_.offsetDateTime.eq(OffsetDateTime.of(2024, 1, 1, 2, 30, 0, 0, ZoneOffset.ofHours(-2)))).all();

        assertEquals(List.of(id), ids(found));
    }

    @Test
    void conditionsCutNanosecondsAsWritesDo() {
        LocalDateTime localWithNanos = LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123_456_789);
        Instant instantWithNanos = Instant.parse("2024-02-29T13:45:30.123456789Z");
        AllTypes model = new AllTypes();
        model.localDateTime = localWithNanos;
        model.instant = instantWithNanos;
        long id = ferro.query(AllTypes.class).create(model).id;

        assertEquals(List.of(id), ids(ferro.query(AllTypes.class).where(AllTypes_.localDateTime.eq(localWithNanos)).all()));
        assertEquals(List.of(id), ids(ferro.query(AllTypes.class).where(AllTypes_.instant.eq(instantWithNanos)).all()));
    }

    private <T> long createWith(Attribute<AllTypes, T> attribute, T value) {
        AllTypes model = new AllTypes();
        RoundTrip.set(model, attribute.name(), value);
        return ferro.query(AllTypes.class).create(model).id;
    }

    private static List<Long> ids(List<AllTypes> models) {
        return models.stream().map(model -> model.id).toList();
    }
}
