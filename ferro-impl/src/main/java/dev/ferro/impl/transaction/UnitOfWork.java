package dev.ferro.impl.transaction;

import java.sql.Connection;

/**
 * The connection, statement-failure record and identity map that a sequence of Ferro calls shares:
 * one {@code ferro.transaction(...)} block, a single call outside any transaction, or every call of
 * a scope such as a CDI request ({@link TransactionManager#openUnitOfWork()}), whose transactions
 * then run on its connection and share its identity map.
 */
public final class UnitOfWork implements AutoCloseable {
    private final Connection connection;
    private final Runnable onClose;
    private final boolean external;
    private final boolean solitary;
    /** Made on first use: most solitary units never need one. */
    private IdentityMap identityMap;
    private RuntimeException statementFailure;

    UnitOfWork(Connection connection, Runnable onClose) {
        this(connection, onClose, false, false);
    }

    UnitOfWork(Connection connection, Runnable onClose, boolean external, boolean solitary) {
        this.connection = connection;
        this.onClose = onClose;
        this.external = external;
        this.solitary = solitary;
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

    /** At a transaction's start and end: failures recorded before do not belong to the next one. */
    void forgetStatementFailure() {
        statementFailure = null;
    }

    public Connection connection() {
        return connection;
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
