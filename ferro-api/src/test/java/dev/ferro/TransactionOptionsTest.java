package dev.ferro;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TransactionOptionsTest {

    @Test
    void defaultsKeepTheConnectionsLevelReadWriteAndNoRetries() {
        TransactionOptions options = TransactionOptions.defaults();

        assertEquals(Isolation.DEFAULT, options.isolation());
        assertEquals(false, options.readOnly());
        assertEquals(0, options.retries());
    }

    @Test
    void eachSettingMakesACopy() {
        TransactionOptions base = TransactionOptions.defaults();
        TransactionOptions serializable = base.isolation(Isolation.SERIALIZABLE).readOnly(true).retries(5);

        assertEquals(Isolation.SERIALIZABLE, serializable.isolation());
        assertEquals(true, serializable.readOnly());
        assertEquals(5, serializable.retries());
        assertEquals(TransactionOptions.defaults(), base);
        assertNotEquals(base, serializable);
        assertEquals("TransactionOptions[isolation=SERIALIZABLE, readOnly=true, retries=5]", serializable.toString());
    }

    @Test
    void negativeRetriesAreRefused() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> TransactionOptions.defaults().retries(-1));

        assertEquals("retries must not be negative, got -1", thrown.getMessage());
    }

    @Test
    void isolationLevelsAreJdbcs() {
        assertEquals(java.sql.Connection.TRANSACTION_SERIALIZABLE, Isolation.SERIALIZABLE.jdbcLevel());
        assertEquals(java.sql.Connection.TRANSACTION_READ_COMMITTED, Isolation.READ_COMMITTED.jdbcLevel());
        assertEquals(-1, Isolation.DEFAULT.jdbcLevel());
    }
}
