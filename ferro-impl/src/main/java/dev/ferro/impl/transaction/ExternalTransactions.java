package dev.ferro.impl.transaction;

/**
 * A transaction that Ferro does not own, such as the container's JTA transaction when Ferro runs on
 * a container DataSource. While one is active, Ferro's work joins it: connections come enlisted from
 * the DataSource, Ferro neither commits nor rolls back, and a failure in a Ferro transaction block
 * marks the outer transaction for rollback.
 */
public interface ExternalTransactions {
    /** No outer transactions: Ferro owns every transaction. */
    ExternalTransactions NONE = new ExternalTransactions() {
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

    /** Marks the current outer transaction so that it can only roll back. */
    void setRollbackOnly();
}
