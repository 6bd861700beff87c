package dev.ferro.cdi;

import dev.ferro.spi.OuterTransactions;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.logging.Logger;

/**
 * The container's JTA transactions, seen through its TransactionSynchronizationRegistry. With
 * {@code ferro.datasource}, Ferro's work joins the transaction that {@code jakarta.transaction.Transactional}
 * (or an EJB) has open, instead of opening its own.
 */
final class JtaTransactions implements OuterTransactions {
    static final String REGISTRY = "java:comp/TransactionSynchronizationRegistry";
    private static final Logger LOG = Logger.getLogger(JtaTransactions.class.getName());

    private final TransactionSynchronizationRegistry registry;

    private JtaTransactions(TransactionSynchronizationRegistry registry) {
        this.registry = registry;
    }

    /** The container's JTA transactions, or none where the container has no registry (no JTA). */
    static OuterTransactions lookup() {
        try {
            Object registry = new InitialContext().lookup(REGISTRY);
            if (registry instanceof TransactionSynchronizationRegistry found) {
                return new JtaTransactions(found);
            }
        } catch (NamingException | NoClassDefFoundError e) {
            LOG.fine(() -> "No JTA in this container (" + REGISTRY + ": " + e + "); Ferro owns its transactions");
        }
        return OuterTransactions.NONE;
    }

    @Override
    public boolean active() {
        int status = registry.getTransactionStatus();
        return status == Status.STATUS_ACTIVE || status == Status.STATUS_MARKED_ROLLBACK;
    }

    @Override
    public void setRollbackOnly() {
        registry.setRollbackOnly();
    }
}
