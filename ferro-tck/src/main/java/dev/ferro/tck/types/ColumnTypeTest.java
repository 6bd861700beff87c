package dev.ferro.tck.types;

import dev.ferro.Ferro;
import dev.ferro.Query;
import dev.ferro.tck.TckDeployment;
import dev.ferro.tck.support.Requests;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An application's own value type ({@link TckAmount}) in a model, stored through a
 * {@link dev.ferro.ColumnType} that the deployment registers in its
 * {@code WEB-INF/classes/META-INF/services/dev.ferro.ColumnType}: the implementation finds it in the
 * application's class loader, stores the decimal it converts to, reads the amount back, and binds it in
 * conditions and updates.
 */
@ExtendWith(ArquillianExtension.class)
public class ColumnTypeTest {

    @Deployment
    public static WebArchive deployment() {
        return TckDeployment.of(ColumnTypeTest.class).models(TckInvoice.class).classes(TckAmount.class)
                .columnTypes(TckAmountType.class).build();
    }

    @Inject
    Query<TckInvoice> invoices;

    @Inject
    Ferro ferro;

    @Inject
    Requests requests;

    /** Called first by each test (not a @BeforeEach: see InjectionContract). */
    private void threeInvoices() {
        invoices.delete();
        invoices.createAll(List.of(new TckInvoice("first", TckAmount.of("12.5")), new TckInvoice("second", TckAmount.of("99.99")),
                new TckInvoice("third", TckAmount.of("5"))));
    }

    private List<String> notes(Query<TckInvoice> query) {
        return query.orderBy(TckInvoice_.id.asc()).all().stream().map(invoice -> invoice.note).toList();
    }

    private BigDecimal storedTotal(String note) {
        return (BigDecimal) ferro.fetchOne("SELECT total FROM tck_invoice WHERE note = ?", note).orElseThrow().get("total");
    }

    @Test
    void anAmountIsStoredAsItsDecimalAndReadBackAsAnAmount() {
        threeInvoices();
        long id = invoices.where(TckInvoice_.note.eq("first")).one().id;

        assertEquals(new BigDecimal("12.50"), storedTotal("first"));
        TckInvoice read = requests.call(() -> invoices.get(id));
        assertEquals(new BigDecimal("12.50"), read.total.value());
        assertEquals(List.of(Map.of("note", "second")),
                ferro.fetchAll("SELECT note FROM tck_invoice WHERE total = ?", new BigDecimal("99.99")));
    }

    @Test
    void conditionsBindTheStoredDecimal() {
        threeInvoices();

        assertEquals(List.of("first"), notes(invoices.where(TckInvoice_.total.eq(TckAmount.of("12.50")))));
        assertEquals(List.of("second", "third"), notes(invoices.where(TckInvoice_.total.in(TckAmount.of("99.99"), TckAmount.of("5.00")))));
        assertEquals(List.of("first", "third"), notes(invoices.where(TckInvoice_.total.ne(TckAmount.of("99.99")))));
    }

    @Test
    void savesAndUpdatesWriteTheStoredDecimal() {
        threeInvoices();
        TckInvoice first = invoices.where(TckInvoice_.note.eq("first")).one();
        first.total = TckAmount.of("13.25");
        ferro.save(first);

        assertEquals(1, invoices.where(TckInvoice_.note.eq("second")).update(TckInvoice_.total.set(TckAmount.of("1"))));

        assertEquals(new BigDecimal("13.25"), storedTotal("first"));
        assertEquals(new BigDecimal("1.00"), storedTotal("second"));
        assertEquals(new BigDecimal("5.00"), storedTotal("third"));
    }
}
