package dev.ferro.spi;

/**
 * Transactions that Ferro does not own, such as a container's JTA transaction when Ferro runs on a
 * container DataSource. While one is active, Ferro's work joins it: connections come enlisted from the
 * DataSource, Ferro neither commits nor rolls back, and a failing Ferro transaction block marks the
 * outer transaction rollback-only.
 */
public interface OuterTransactions {
    /** No outer transactions: Ferro owns every transaction. */
    OuterTransactions NONE = new OuterTransactions() {
        @Override
        public boolean active() {
            return false;
        }

        @Override
        public void setRollbackOnly() {
            throw new IllegalStateException("There is no outer transaction to mark");
        }
    };

    /** Whether the current thread runs in an outer transaction. */
    boolean active();

    /** Marks the current thread's outer transaction so that it can only roll back. */
    void setRollbackOnly();
}
