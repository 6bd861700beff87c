package dev.ferro.impl.concurrency;

import dev.ferro.InvalidQueryException;
import dev.ferro.Query;
import dev.ferro.impl.testing.Database;
import dev.ferro.impl.testing.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Update expressions: the database computes the new value from the row's own, so concurrent updates all count. */
class UpdateExpressionTest extends DatabaseTest {
    private Query<CcAccount> accounts;

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {CcAccount.class};
    }

    @BeforeEach
    void queries() {
        accounts = ferro.query(CcAccount.class);
    }

    private CcAccount account(String name, long balance, Integer points) {
        CcAccount account = new CcAccount(name, balance);
        account.points = points;
        return accounts.create(account);
    }

    @Test
    void addRendersColumnPlusParameterAndChangesOnlyTheFilteredRow() {
        long a = account("a", 10, null).id;
        long b = account("b", 20, null).id;
        log.clear();

        long changed = accounts.where(CcAccount_.id.eq(a)).update(CcAccount_.balance.add(5L));

        assertEquals(1L, changed);
        String q = database == Database.MARIADB ? "`" : "\"";
        assertEquals("UPDATE " + q + "cc_account" + q + " SET " + q + "balance" + q + " = " + q + "balance" + q + " + ? WHERE "
                + q + "id" + q + " = ?", log.entries().get(0).sql());
        assertEquals(15L, accounts.get(a).balance);
        assertEquals(20L, accounts.get(b).balance);
    }

    @Test
    void subtractAndMultiplyComputeFromEachRowsOwnValue() {
        long a = account("a", 10, 3).id;
        long b = account("b", 20, 7).id;

        accounts.update(CcAccount_.balance.subtract(4L), CcAccount_.points.multiply(10));

        assertEquals(List.of(6L, 16L), List.of(accounts.get(a).balance, accounts.get(b).balance));
        assertEquals(List.of(30, 70), List.of(accounts.get(a).points, accounts.get(b).points));
    }

    @Test
    void arithmeticOnANullColumnLeavesItNull() {
        long a = account("a", 10, null).id;

        accounts.update(CcAccount_.points.add(5));

        assertNull(accounts.get(a).points);
    }

    @Test
    void setFromCopiesEachRowsOtherColumn() {
        long a = account("a", 10, 3).id;
        long b = account("b", 20, null).id;

        accounts.update(CcAccount_.bonus.setFrom(CcAccount_.points), CcAccount_.name.set("copied"));

        assertEquals(3, accounts.get(a).bonus);
        assertNull(accounts.get(b).bonus);
        assertEquals(2L, accounts.where(CcAccount_.name.eq("copied")).count());
    }

    @Test
    void decimalArithmeticIsExactOrRefusedWhereTheDatabaseWouldRoundIt() {
        CcAccount account = new CcAccount("a", 0);
        account.rate = new BigDecimal("1.25");
        long id = accounts.create(account).id;

        if (database == Database.SQLITE) {
            InvalidQueryException e = assertThrows(InvalidQueryException.class,
                    () -> accounts.update(CcAccount_.rate.add(new BigDecimal("0.10"))));
            assertEquals("CcAccount.rate.add(...) is refused: SQLite computes a NUMERIC value that is not an integer as a REAL,"
                    + " in binary floating point, which would change the value; read, change and save the rows in a transaction"
                    + " instead", e.getMessage());
            assertEquals(new BigDecimal("1.25"), accounts.get(id).rate);
        } else {
            accounts.update(CcAccount_.rate.add(new BigDecimal("0.10")));
            assertEquals(new BigDecimal("1.35"), accounts.get(id).rate);
        }
    }

    @Test
    void nullOperandIsRefusedNamingTheAttribute() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> CcAccount_.points.add(null));

        assertEquals("CcAccount.points.add(null): the operand must not be null", e.getMessage());
    }

    /** 16 threads add 1 to one row 250 times each, outside any transaction: every addition counts. */
    @Test
    void concurrentAdditionsAllCount() throws Exception {
        long id = account("shared", 0, null).id;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 250; i++) {
                        accounts.where(CcAccount_.id.eq(id)).update(CcAccount_.balance.add(1L));
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(4_000L, accounts.get(id).balance);
    }

    @Test
    void bulkUpdateOfTheIdIsStillRefused() {
        account("a", 1, null);

        assertThrows(IllegalArgumentException.class, () -> accounts.update(CcAccount_.id.add(1L)));
        assertTrue(accounts.exists());
    }
}
