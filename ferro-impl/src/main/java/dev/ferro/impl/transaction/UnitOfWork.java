package dev.ferro.impl.transaction;

import dev.ferro.spi.ScopedUnitOfWork;

import java.sql.Connection;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The connection, statement-failure record and identity map that a sequence of Ferro calls shares:
 * one {@code ferro.transaction(...)} block, a single call outside any transaction, or every call of
 * a scope such as a CDI request ({@link dev.ferro.spi.UnitOfWorkScope}), whose transactions
 * then run on its connection and share its identity map.
 */
public final class UnitOfWork implements ScopedUnitOfWork {
    private Connection connection;
    private final Runnable onClose;
    private final boolean external;
    private final boolean solitary;
    /** For a scope's unit: where a new connection comes from after its connection was lost, and where a lost one goes. */
    private final Supplier<Connection> reconnect;
    private final Consumer<Connection> giveBack;
    /** Made on first use: most solitary units never need one. */
    private IdentityMap identityMap;
    private RuntimeException statementFailure;
    private boolean readOnly;

    /** A scope's unit of work: it keeps a connection until closed, and replaces one that broke. */
    UnitOfWork(Supplier<Connection> borrow, Consumer<Connection> giveBack) {
        this.connection = borrow.get();
        this.reconnect = borrow;
        this.giveBack = giveBack;
        this.onClose = () -> {
            if (connection != null) {
                giveBack.accept(connection);
                connection = null;
            }
        };
        this.external = false;
        this.solitary = false;
    }

    /** A unit of work on one connection, for one call or one transaction block. */
    UnitOfWork(Connection connection, Runnable onClose, boolean external, boolean solitary) {
        this.connection = connection;
        this.onClose = onClose;
        this.external = external;
        this.solitary = solitary;
        this.reconnect = null;
        this.giveBack = null;
    }

    /**
     * Whether this unit serves one Ferro call and is dropped after it, with no user code inside:
     * nothing looks at its identity map once the call's own statements have run.
     */
    public boolean solitary() {
        return solitary;
    }

    /** Whether this unit works inside an outer transaction (JTA) that Ferro neither commits nor rolls back. */
    boolean external() {
        return external;
    }

    /** Ends a scoped unit of work: its connection goes back to the pool, its identity map is dropped. */
    @Override
    public void close() {
        if (identityMap != null) {
            identityMap.clear();
        }
        onClose.run();
    }

    /** Whether the unit's current transaction was begun read-only. */
    public boolean readOnly() {
        return readOnly;
    }

    void readOnly(boolean readOnly) {
        this.readOnly = readOnly;
    }

    /** At a transaction's start and end: failures recorded before do not belong to the next one. */
    void forgetStatementFailure() {
        statementFailure = null;
    }

    public Connection connection() {
        Connection current = connection;
        if (current == null) {
            // A scope's unit whose connection was lost: the scope goes on with a new one.
            current = connection = reconnect.get();
        }
        return current;
    }

    /**
     * After the connection broke: a scope's unit gives it back (the pool destroys it) and takes a new
     * one on next use, so that one database restart does not fail the rest of a CDI request.
     */
    void connectionLost() {
        if (reconnect != null && connection != null) {
            Connection broken = connection;
            connection = null;
            giveBack.accept(broken);
        }
    }

    public IdentityMap identityMap() {
        if (identityMap == null) {
            identityMap = new IdentityMap();
        }
        return identityMap;
    }

    /** The first statement failure since the transaction (or the savepoint it was rolled back to) began, or null. */
    RuntimeException statementFailure() {
        return statementFailure;
    }

    /** Records a failed statement; the first one is kept. */
    void statementFailed(RuntimeException failure) {
        if (statementFailure == null) {
            statementFailure = failure;
        }
    }

    /** After a rollback to a savepoint: the failures recorded inside it are undone with it. */
    void restoreStatementFailure(RuntimeException earlier) {
        statementFailure = earlier;
    }

}
