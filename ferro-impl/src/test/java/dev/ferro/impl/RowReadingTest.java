package dev.ferro.impl;

import dev.ferro.impl.crud.CrudAccount;
import dev.ferro.impl.testing.DatabaseTest;
import dev.ferro.impl.types.AllTypes;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model the processor wrote {@code <Model>_Rows} for is read through it; one with private fields
 * through method handles; both read back what was written (every type: {@code TypeRoundTripTest}).
 */
class RowReadingTest extends DatabaseTest {

    @Override
    protected Class<?>[] models() {
        return new Class<?>[] {AllTypes.class, CrudAccount.class};
    }

    @Test
    void publicFieldsAreReadByTheGeneratedRows() {
        AllTypes written = new AllTypes();
        written.primitiveInt = 7;
        written.wrapperDouble = 2.5;
        written.string = "seven";
        written.localDateTime = LocalDateTime.of(2026, 11, 21, 6, 30);
        ferro.save(written);

        AllTypes read = ferro.query(AllTypes.class).get(written.id);

        assertTrue(((FerroImpl) ferro).operations(AllTypes.class).hydrator().usesGeneratedRows());
        assertNotSame(written, read);
        assertEquals(7, read.primitiveInt);
        assertEquals(2.5, read.wrapperDouble);
        assertEquals("seven", read.string);
        assertEquals(LocalDateTime.of(2026, 11, 21, 6, 30), read.localDateTime);
        assertNull(read.wrapperInt);
        assertFalse(read.primitiveBoolean);
    }

    @Test
    void privateFieldsAreReadThroughMethodHandles() {
        CrudAccount written = new CrudAccount("ada", null);
        written.setFrozen(true);
        ferro.save(written);

        CrudAccount read = ferro.query(CrudAccount.class).get(written.getId());

        assertFalse(((FerroImpl) ferro).operations(CrudAccount.class).hydrator().usesGeneratedRows());
        assertNotSame(written, read);
        assertEquals("ada", read.getOwner());
        assertNull(read.getBalance());
        assertTrue(read.isFrozen());
    }
}
