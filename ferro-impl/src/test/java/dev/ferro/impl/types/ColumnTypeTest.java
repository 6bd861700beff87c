package dev.ferro.impl.types;

import dev.ferro.Attribute;
import dev.ferro.Created;
import dev.ferro.Ferro;
import dev.ferro.ModelDefinitionException;
import dev.ferro.Query;
import dev.ferro.ValueOutOfRangeException;
import dev.ferro.impl.metadata.ModelSource;
import dev.ferro.impl.testing.DatabaseTest;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fields of an application's value types, stored through {@link dev.ferro.ColumnType}s: {@link Money}
 * as a decimal and {@link EmailAddress} as a string, both registered as services, and {@link Sku}
 * given in the options. They are written, read back, filtered on and updated like the types Ferro
 * stores itself.
 */
class ColumnTypeTest extends DatabaseTest {
    private static final EmailAddress ANN = new EmailAddress("ann@example.com");
    private static final EmailAddress BOB = new EmailAddress("bob@example.com");

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {Invoice.class};
    }

    private Query<Invoice> invoices() {
        return ferro.query(Invoice.class);
    }

    /** The notes of the invoices a query finds, by id. */
    private List<String> notes(Query<Invoice> query) {
        return query.orderBy(Invoice_.id.asc()).all().stream().map(invoice -> invoice.note).toList();
    }

    private void threeInvoices() {
        invoices().createAll(List.of(
                new Invoice("first", Money.of("12.50"), null, ANN),
                new Invoice("second", Money.of("99.99"), Money.of("5"), BOB),
                new Invoice("third", Money.of("12.5"), Money.of("0.01"), null)));
    }

    @Test
    void valuesAreStoredAsTheirStoredTypeAndReadBackAsTheFieldsType() {
        long id = invoices().create(new Invoice("first", Money.of("12.50"), null, ANN)).id;

        assertEquals(List.of(Map.of("note", "first")),
                ferro.fetchAll("SELECT note FROM types_invoice WHERE total = ? AND billed_to = ?", new BigDecimal("12.50"), "ann@example.com"));
        Invoice read = ferro.transaction(() -> invoices().get(id));
        assertEquals(new BigDecimal("12.50"), read.total.amount());
        assertEquals(2, read.total.amount().scale());
        assertNull(read.discount);
        assertEquals(ANN, read.billedTo);
    }

    @Test
    void conditionsCompareTheStoredValues() {
        threeInvoices();

        assertEquals(List.of("first", "third"), notes(invoices().where(Invoice_.total.eq(Money.of("12.5")))));
        assertEquals(List.of("second"), notes(invoices().where(Invoice_.total.ne(Money.of("12.50")))));
        assertEquals(List.of("second", "third"), notes(invoices().where(Invoice_.discount.in(Money.of("5.00"), Money.of("0.01")))));
        assertEquals(List.of("first"), notes(invoices().where(Invoice_.discount.isNull())));
        assertEquals(List.of("second"), notes(invoices().where(Invoice_.billedTo.eq(BOB))));
        assertEquals(List.of("first", "second"), notes(invoices().where(Invoice_.billedTo.notIn(List.of(new EmailAddress("x@y.z"))))));
        assertEquals(1, invoices().where(Invoice_.billedTo.eq(ANN).and(Invoice_.total.eq(Money.of("12.50")))).count());
    }

    @Test
    void bulkUpdatesAssignTheStoredValueAndARefreshReadsItBack() {
        threeInvoices();

        Invoice loaded = ferro.transaction(() -> invoices().where(Invoice_.note.eq("third")).one());
        assertEquals(Money.of("0.01"), loaded.discount);

        long changed = ferro.transaction(() -> invoices().where(Invoice_.total.eq(Money.of("12.50")))
                .update(Invoice_.discount.set(Money.of("1.25")), Invoice_.billedTo.set(BOB)));
        ferro.refresh(loaded);

        assertEquals(Money.of("1.25"), loaded.discount);
        assertEquals(BOB, loaded.billedTo);
        assertEquals(2, changed);
        assertEquals(List.of("first", "second", "third"), notes(invoices().where(Invoice_.billedTo.eq(BOB))));
        assertEquals(List.of("first", "third"), notes(invoices().where(Invoice_.discount.eq(Money.of("1.25")))));
    }

    @Test
    void getOrCreateFillsTheFieldFromTheFilterAndFindsTheRowNextTime() {
        Query<Invoice> ann = invoices().where(Invoice_.billedTo.eq(ANN));

        Created<Invoice> first = ann.getOrCreate(() -> new Invoice("made", Money.of("3.00"), null, null));
        Created<Invoice> again = ann.getOrCreate(() -> new Invoice("not made", Money.of("4.00"), null, null));

        assertTrue(first.created());
        assertFalse(again.created());
        assertEquals(ANN, first.model().billedTo);
        assertEquals("made", again.model().note);
        assertEquals(1, invoices().count());
    }

    @Test
    void aValueThatDoesNotFitTheStoredColumnIsRefusedNamingTheField() {
        Invoice invoice = new Invoice("too fine", Money.of("1.005"), null, new EmailAddress("a".repeat(30) + "@example.com"));

        ConstraintViolationException refused = assertThrows(ConstraintViolationException.class, () -> invoices().create(invoice));

        assertEquals("Invoice is invalid: billedTo has 42 characters, and its column holds 40; total has 3 digits after the"
                + " decimal point, and its column (precision 8, scale 2) keeps 2: it would be rounded", refused.getMessage());
        assertEquals(0, invoices().count());
    }

    @Test
    void aStoredValueTheColumnTypeRefusesFailsTheReadNamingTheField() {
        long id = invoices().create(new Invoice("first", Money.of("1.00"), null, ANN)).id;
        ferro.execute("UPDATE types_invoice SET billed_to = ? WHERE id = ?", "nobody", id);

        ValueOutOfRangeException refused = assertThrows(ValueOutOfRangeException.class, () -> ferro.transaction(() -> invoices().get(id)));

        assertEquals("billedTo", refused.field());
        assertTrue(refused.getMessage().startsWith("Invoice.billedTo cannot hold the value nobody read from the database: "),
                refused.getMessage());
        assertTrue(refused.getMessage().endsWith("refused it: not an e-mail address: nobody"), refused.getMessage());
    }

    @Test
    void rawSqlArgumentsOfAValueTypeAreBoundAsTheirStoredValue() {
        threeInvoices();

        assertEquals(List.of(Map.of("note", "second")),
                ferro.fetchAll("SELECT note FROM types_invoice WHERE total = ? AND billed_to = ?", Money.of("99.99"), BOB));
    }

    @Test
    void aTypeGivenInTheOptionsStoresTheFieldsOfTheModelsThatFerroIsGiven() throws ReflectiveOperationException {
        Class<?> parcel = ModelSource.compile("""
                @Model(table = "types_parcel")
                public class Parcel {
                    @Id public Long id;
                    public dev.ferro.impl.types.Sku sku;
                }
                """);
        ModelDefinitionException unknown = assertThrows(ModelDefinitionException.class,
                () -> database.connect(database.options().models(parcel)).close());
        assertTrue(unknown.getMessage().contains("field 'sku': has type dev.ferro.impl.types.Sku, which Ferro cannot store"),
                unknown.getMessage());

        try (Ferro withSku = database.connect(database.options().models(parcel).types(Sku.TYPE))) {
            withSku.schema().drop(parcel);
            withSku.schema().create(parcel);
            Query<Object> parcels = withSku.query(untyped(parcel));
            for (String code : List.of("A-1", "B-2")) {
                Object created = parcel.getConstructor().newInstance();
                parcel.getField("sku").set(created, new Sku(code));
                parcels.create(created);
            }
            Attribute<Object, Sku> sku = new Attribute<>(untyped(parcel), "sku", Sku.class);

            Object found = parcels.where(sku.eq(new Sku("B-2"))).one();

            assertEquals(new Sku("B-2"), parcel.getField("sku").get(found));
            assertEquals(List.of(Map.of("sku", "A-1")), withSku.fetchAll("SELECT sku FROM types_parcel WHERE id = ?", 1L));
            withSku.schema().drop(parcel);
        }
    }

    @SuppressWarnings("unchecked")
    private static Class<Object> untyped(Class<?> model) {
        return (Class<Object>) model;
    }
}
