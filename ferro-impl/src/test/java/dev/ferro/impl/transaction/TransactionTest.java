package dev.ferro.impl.transaction;

import dev.ferro.DataAccessException;
import dev.ferro.Query;
import dev.ferro.UniqueViolationException;
import dev.ferro.impl.testing.Database;
import dev.ferro.impl.testing.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransactionTest extends DatabaseTest {
    private Query<TxAccount> accounts;

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {TxAccount.class};
    }

    @BeforeEach
    void queries() {
        accounts = ferro.query(TxAccount.class);
    }

    /** The names of every row, by id, read outside any transaction. */
    private List<String> names() {
        return accounts.orderBy(TxAccount_.id.asc()).all().stream().map(a -> a.name).toList();
    }

    // ---------------------------------------------------------------- commit and rollback

    @Test
    void commitMakesEveryWriteOfTheBlockVisibleAfterwards() {
        ferro.transaction(() -> {
            accounts.create(new TxAccount("alice", 10));
            accounts.create(new TxAccount("bob", 20));
        });

        assertEquals(2, accounts.count());
        assertEquals(List.of("alice", "bob"), names());
    }

    @Test
    void exceptionRollsBackEveryKindOfWriteAndRethrowsTheSameException() {
        TxAccount kept = accounts.create(new TxAccount("kept", 1));
        IllegalStateException failure = new IllegalStateException("boom");

        Runnable block = () -> {
            accounts.create(new TxAccount("created", 2));
            kept.balance = 100;
            ferro.save(kept);
            accounts.where(TxAccount_.name.eq("created")).update(TxAccount_.balance.set(200));
            ferro.execute("INSERT INTO tx_account (name, balance) VALUES (?, ?)", "raw", 3);
            assertEquals(3, accounts.count());
            throw failure;
        };

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> ferro.transaction(block));

        assertSame(failure, thrown);
        assertEquals(List.of("kept"), names());
        assertEquals(1, accounts.get(kept.id).balance);
    }

    /** A checked exception thrown sneakily (Lombok's @SneakyThrows, Kotlin) must roll back too, never commit. */
    @Test
    void checkedExceptionThrownSneakilyRollsBackAndIsRethrown() {
        IOException failure = new IOException("disk full");

        IOException thrown = assertThrows(IOException.class, () -> ferro.transaction(() -> {
            accounts.create(new TxAccount("half-done", 1));
            throw TransactionTest.<RuntimeException>sneaky(failure);
        }));

        assertSame(failure, thrown);
        assertEquals(0, accounts.count());
    }

    @Test
    void checkedExceptionThrownSneakilyFromANestedBlockRollsBackOnlyThatBlock() {
        ferro.transaction(() -> {
            accounts.create(new TxAccount("outer", 1));
            assertThrows(IOException.class, () -> ferro.transaction(() -> {
                accounts.create(new TxAccount("inner", 2));
                throw TransactionTest.<RuntimeException>sneaky(new IOException("inner fails"));
            }));
        });

        assertEquals(List.of("outer"), names());
    }

    @Test
    void supplierVariantReturnsTheBlocksValueAndCommits() {
        Long id = ferro.transaction(() -> accounts.create(new TxAccount("alice", 10)).id);

        assertEquals(1L, id);
        assertEquals("alice", accounts.get(1L).name);
    }

    @Test
    void supplierVariantRollsBackAndRethrowsTheSameException() {
        IllegalArgumentException failure = new IllegalArgumentException("no");

        Supplier<Long> block = () -> {
            accounts.create(new TxAccount("alice", 10));
            throw failure;
        };

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> ferro.transaction(block));

        assertSame(failure, thrown);
        assertEquals(0, accounts.count());
    }

    @Test
    void outsideATransactionEachCallCommitsOnItsOwn() {
        accounts.create(new TxAccount("alice", 10));

        assertThrows(UniqueViolationException.class, () -> accounts.create(new TxAccount("alice", 20)));

        assertEquals(List.of("alice"), names());
        assertEquals(10, accounts.get(1L).balance);
    }

    // ---------------------------------------------------------------- nesting

    @Test
    void innerFailureCaughtInTheOuterBlockRollsBackOnlyTheInnerWrites() {
        ferro.transaction(() -> {
            accounts.create(new TxAccount("outer-before", 1));
            assertThrows(IllegalStateException.class, () -> ferro.transaction(() -> {
                accounts.create(new TxAccount("inner", 2));
                ferro.execute("UPDATE tx_account SET balance = 99");
                throw new IllegalStateException("inner fails");
            }));
            accounts.create(new TxAccount("outer-after", 3));
        });

        assertEquals(List.of("outer-before", "outer-after"), names());
        assertEquals(1, accounts.where(TxAccount_.name.eq("outer-before")).one().balance);
    }

    @Test
    void outerFailureAfterASuccessfulInnerBlockRollsBackBoth() {
        RuntimeException failure = new RuntimeException("outer fails");

        RuntimeException thrown = assertThrows(RuntimeException.class, () -> ferro.transaction(() -> {
            accounts.create(new TxAccount("outer", 1));
            ferro.transaction(() -> {
                accounts.create(new TxAccount("inner", 2));
            });
            throw failure;
        }));

        assertSame(failure, thrown);
        assertEquals(0, accounts.count());
    }

    @Test
    void threeLevelsRollBackExactlyTheFailedLevelAndWhatItContains() {
        ferro.transaction(() -> {
            accounts.create(new TxAccount("level1", 1));
            assertThrows(IllegalStateException.class, () -> ferro.transaction(() -> {
                accounts.create(new TxAccount("level2-failed", 2));
                ferro.transaction(() -> {
                    accounts.create(new TxAccount("level3-in-failed-level2", 3));
                });
                throw new IllegalStateException("level 2 fails");
            }));
            ferro.transaction(() -> {
                accounts.create(new TxAccount("level2", 4));
                assertThrows(IllegalStateException.class, () -> ferro.transaction(() -> {
                    accounts.create(new TxAccount("level3-failed", 5));
                    throw new IllegalStateException("level 3 fails");
                }));
                ferro.transaction(() -> {
                    accounts.create(new TxAccount("level3", 6));
                });
            });
        });

        assertEquals(List.of("level1", "level2", "level3"), names());
    }

    @Test
    void inTransactionIsTrueInsideEveryLevelAndFalseOutsideAndAfter() {
        assertFalse(ferro.inTransaction());
        List<Boolean> inside = new ArrayList<>();

        ferro.transaction(() -> {
            inside.add(ferro.inTransaction());
            ferro.transaction(() -> {
                inside.add(ferro.inTransaction());
            });
            assertThrows(IllegalStateException.class, () -> ferro.transaction(() -> {
                throw new IllegalStateException("nested fails");
            }));
            inside.add(ferro.inTransaction());
        });
        assertFalse(ferro.inTransaction());

        assertThrows(IllegalStateException.class, () -> ferro.transaction(() -> {
            inside.add(ferro.inTransaction());
            throw new IllegalStateException("fails");
        }));
        assertFalse(ferro.inTransaction());
        assertEquals(List.of(true, true, true, true), inside);
    }

    // ---------------------------------------------------------------- constraint failures inside a block

    @Test
    void uniqueViolationEscapingTheBlockLeavesNothingOfTheBlock() {
        accounts.create(new TxAccount("taken", 1));

        UniqueViolationException thrown = assertThrows(UniqueViolationException.class, () -> ferro.transaction(() -> {
            accounts.create(new TxAccount("fresh", 2));
            accounts.where(TxAccount_.name.eq("taken")).update(TxAccount_.balance.set(50));
            accounts.create(new TxAccount("taken", 3));
        }));

        assertEquals(TxAccount.class, thrown.model());
        assertEquals("uq_tx_account_name", thrown.constraint());
        assertEquals(List.of("taken"), names());
        assertEquals(1, accounts.get(1L).balance);
    }

    /**
     * A block that catches a unique violation and ends normally: PostgreSQL cannot commit the
     * aborted transaction, and Ferro must say so instead of reporting success for a silent rollback.
     */
    @Test
    void blockThatSwallowsAUniqueViolationNeverCommitsHalfOfItOnPostgres() {
        accounts.create(new TxAccount("taken", 1));
        Runnable block = () -> {
            accounts.create(new TxAccount("before", 2));
            assertThrows(UniqueViolationException.class, () -> accounts.create(new TxAccount("taken", 3)));
        };

        if (database == Database.POSTGRESQL) {
            DataAccessException thrown = assertThrows(DataAccessException.class, () -> ferro.transaction(block));
            assertTrue(thrown.getMessage().startsWith("Cannot commit: "), thrown.getMessage());
            assertTrue(thrown.getMessage().contains("uq_tx_account_name"), thrown.getMessage());
            assertEquals("25P02", thrown.sqlState());
            assertEquals(List.of("taken"), names());
        } else {
            ferro.transaction(block);
            assertEquals(List.of("taken", "before"), names());
        }
    }

    /**
     * What Ferro does when the user catches a unique violation inside the block and carries on:
     * PostgreSQL aborts the whole transaction on any failed statement, so the block's next
     * statement fails with a DataAccessException (SQLState 25P02), and when that escapes nothing of
     * the block remains. The other databases undo only the failed statement, so the block goes on
     * and commits. A block that must recover on every database nests the risky write (next test).
     */
    @Test
    void uniqueViolationCaughtInsideTheBlockAbortsThePostgresTransactionOnly() {
        accounts.create(new TxAccount("taken", 1));
        Runnable block = () -> {
            accounts.create(new TxAccount("before", 2));
            assertThrows(UniqueViolationException.class, () -> accounts.create(new TxAccount("taken", 3)));
            accounts.create(new TxAccount("after", 4));
        };

        if (database == Database.POSTGRESQL) {
            DataAccessException thrown = assertThrows(DataAccessException.class, () -> ferro.transaction(block));
            assertEquals("25P02", thrown.sqlState());
            assertEquals(List.of("taken"), names());
        } else {
            ferro.transaction(block);
            assertEquals(List.of("taken", "before", "after"), names());
        }
    }

    @Test
    void uniqueViolationInANestedBlockCaughtOutsideItLeavesTheTransactionUsable() {
        accounts.create(new TxAccount("taken", 1));

        ferro.transaction(() -> {
            accounts.create(new TxAccount("before", 2));
            assertThrows(UniqueViolationException.class,
                    () -> ferro.transaction(() -> {
                        accounts.create(new TxAccount("taken", 3));
                    }));
            accounts.create(new TxAccount("after", 4));
        });

        assertEquals(List.of("taken", "before", "after"), names());
    }

    // ---------------------------------------------------------------- isolation between threads

    /**
     * Thread A inserts in a transaction and waits; this thread counts outside any transaction (a
     * plain read, which SQLite in WAL mode serves while A holds the write lock) and must not see
     * A's row until A commits. The latches order the steps; nothing depends on timing.
     */
    @Test
    void anotherThreadDoesNotSeeUncommittedRowsUntilCommit() throws Exception {
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch checked = new CountDownLatch(1);
        ExecutorService threadA = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<Long> seenByA = CompletableFuture.supplyAsync(() -> ferro.transaction(() -> {
                try {
                    accounts.create(new TxAccount("uncommitted", 1));
                    return accounts.count();
                } finally {
                    inserted.countDown();
                    awaitUninterruptibly(checked);
                }
            }), threadA);

            long seenByOther;
            try {
                inserted.await();
                seenByOther = accounts.count();
                assertFalse(ferro.inTransaction());
            } finally {
                checked.countDown();
            }

            assertEquals(1L, seenByA.get());
            assertEquals(0L, seenByOther);
            assertEquals(List.of("uncommitted"), names());
        } finally {
            threadA.shutdownNow();
        }
    }

    @Test
    void transactionIsBoundToItsThread() throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            List<Boolean> seen = ferro.transaction(() -> {
                boolean here = ferro.inTransaction();
                boolean there = CompletableFuture.supplyAsync(ferro::inTransaction, other).join();
                return List.of(here, there);
            });
            assertEquals(List.of(true, false), seen);
        } finally {
            other.shutdownNow();
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable failure) throws E {
        throw (E) failure;
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
