package dev.ferro.impl.transaction;

import dev.ferro.Ferro;
import dev.ferro.impl.FerroProviderImpl;
import dev.ferro.spi.OuterTransactions;
import dev.ferro.spi.UnitOfWorkScope;
import dev.ferro.impl.testing.DatabaseTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ferro inside a transaction it does not own, as on a container DataSource in a JTA transaction.
 * The outer transaction here behaves as a JTA container's does towards its DataSource users: while
 * it is active, every connection handle is the one enlisted connection (autocommit off), closing a
 * handle does not end anything, and only the outer owner commits or rolls back.
 */
class OuterTransactionTest extends DatabaseTest {
    private final OuterTransaction outer = new OuterTransaction();
    private Ferro joined;

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {TxAccount.class};
    }

    @BeforeEach
    void connectOnAContainerLikeDataSource() {
        joined = new FerroProviderImpl().connect(outer, database.options().models(models()).listener(log), UnitOfWorkScope.NONE, outer);
    }

    @AfterEach
    void endOuter() throws SQLException {
        outer.end(false);
    }

    private long committedAccounts() {
        return ferro.query(TxAccount.class).count();
    }

    @Test
    void aTransactionBlockInsideTheOuterTransactionLeavesTheCommitToItsOwner() throws SQLException {
        outer.begin();
        joined.transaction(() -> joined.query(TxAccount.class).create(new TxAccount("alice", 1)));
        assertEquals(1, joined.query(TxAccount.class).count(), "visible inside the outer transaction");
        outer.end(false);

        assertEquals(0, committedAccounts(), "the outer rollback undid the block's write");
        assertFalse(outer.rollbackOnly);
    }

    @Test
    void theOuterCommitKeepsTheBlocksWrites() throws SQLException {
        outer.begin();
        joined.transaction(() -> joined.query(TxAccount.class).create(new TxAccount("alice", 1)));
        outer.end(true);

        assertEquals(1, committedAccounts());
    }

    @Test
    void aFailedBlockMarksTheOuterTransactionRollbackOnlyAndRethrows() throws SQLException {
        outer.begin();
        IllegalStateException failure = new IllegalStateException("boom");

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> joined.transaction(() -> {
            joined.query(TxAccount.class).create(new TxAccount("alice", 1));
            throw failure;
        }));

        assertSame(failure, thrown);
        assertTrue(outer.rollbackOnly);
    }

    @Test
    void aNestedBlockIsPartOfTheOuterTransactionNotASavepoint() throws SQLException {
        outer.begin();
        joined.transaction(() -> {
            joined.query(TxAccount.class).create(new TxAccount("alice", 1));
            assertThrows(IllegalStateException.class, () -> joined.transaction(() -> {
                joined.query(TxAccount.class).create(new TxAccount("bob", 2));
                throw new IllegalStateException("inner");
            }));
        });

        assertTrue(outer.rollbackOnly, "a JTA transaction has no savepoints: the inner failure dooms it");
        assertEquals(2, joined.query(TxAccount.class).count(), "the inner write was not undone on its own");
    }

    @Test
    void callsOutsideAFerroBlockJoinTheOuterTransactionToo() throws SQLException {
        outer.begin();
        joined.query(TxAccount.class).createAll(java.util.List.of(new TxAccount("alice", 1), new TxAccount("bob", 2)));
        joined.query(TxAccount.class).create(new TxAccount("carol", 3));
        outer.end(false);

        assertEquals(0, committedAccounts());
    }

    @Test
    void withoutAnOuterTransactionFerroOwnsItsTransactionsAgain() {
        joined.transaction(() -> joined.query(TxAccount.class).create(new TxAccount("alice", 1)));

        assertEquals(1, committedAccounts());
    }

    /** The outer transaction and the container-like DataSource that enlists connections in it. */
    private final class OuterTransaction implements OuterTransactions, DataSource {
        private Connection enlisted;
        boolean rollbackOnly;

        void begin() throws SQLException {
            enlisted = physical();
            enlisted.setAutoCommit(false);
            rollbackOnly = false;
        }

        void end(boolean commit) throws SQLException {
            if (enlisted == null) {
                return;
            }
            if (commit && !rollbackOnly) {
                enlisted.commit();
            } else {
                enlisted.rollback();
            }
            enlisted.close();
            enlisted = null;
        }

        @Override
        public boolean active() {
            return enlisted != null;
        }

        @Override
        public void setRollbackOnly() {
            rollbackOnly = true;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (enlisted == null) {
                return physical();
            }
            // A handle on the enlisted connection: the container, not its user, ends the transaction.
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "close" -> null;
                        case "commit", "rollback", "setAutoCommit", "setSavepoint" ->
                                throw new SQLException(method.getName() + " is not allowed in a managed transaction");
                        default -> {
                            try {
                                yield method.invoke(enlisted, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        }
                    });
        }

        private Connection physical() throws SQLException {
            String url = database == dev.ferro.impl.testing.Database.H2 ? database.url() + ";DATABASE_TO_LOWER=TRUE" : database.url();
            Connection connection = DriverManager.getConnection(url, database.user(), database.password());
            if (database == dev.ferro.impl.testing.Database.SQLITE) {
                try (var statement = connection.createStatement()) {
                    statement.execute("PRAGMA busy_timeout = 30000");
                }
            }
            return connection;
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getLogger(OuterTransactionTest.class.getName());
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
