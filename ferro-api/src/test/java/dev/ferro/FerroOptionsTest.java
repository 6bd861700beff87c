package dev.ferro;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FerroOptionsTest {

    @Test
    void defaultsAreAPoolOfUpToTenWithThirtySecondsToAcquireAndNoSchemaStep() {
        FerroOptions options = FerroOptions.defaults();

        assertEquals(0, options.minPoolSize());
        assertEquals(10, options.maxPoolSize());
        assertEquals(Duration.ofSeconds(30), options.acquisitionTimeout());
        assertEquals(SchemaMode.NONE, options.schema());
        assertEquals(SchemaMode.CREATE, FerroOptions.autoMigrate().schema());
    }

    @Test
    void eachSetterReturnsACopyAndLeavesTheOriginalAlone() {
        FerroOptions original = FerroOptions.defaults();

        FerroOptions changed = original.maxPoolSize(3).user("app");

        assertNotSame(original, changed);
        assertEquals(10, original.maxPoolSize());
        assertEquals(null, original.user());
        assertEquals(3, changed.maxPoolSize());
        assertEquals("app", changed.user());
    }

    @Test
    void poolSizesOutOfOrderAreRefused() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> FerroOptions.defaults().maxPoolSize(0));
        IllegalArgumentException inverted = assertThrows(IllegalArgumentException.class,
                () -> FerroOptions.defaults().maxPoolSize(2).minPoolSize(3));

        assertEquals("Pool sizes need 0 <= min <= max and max >= 1, got min 0, max 0", zero.getMessage());
        assertEquals("Pool sizes need 0 <= min <= max and max >= 1, got min 3, max 2", inverted.getMessage());
    }

    @Test
    void aNegativeAcquisitionTimeoutIsRefused() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> FerroOptions.defaults().acquisitionTimeout(Duration.ofSeconds(-5)));

        assertEquals("The acquisition timeout must not be negative, got PT-5S", thrown.getMessage());
    }

    @Test
    void modelsAccumulateInOrder() {
        FerroOptions options = FerroOptions.defaults().models(String.class).models(Integer.class, Long.class);

        assertEquals(java.util.List.of(String.class, Integer.class, Long.class), options.models());
    }

    @Test
    void toStringNeverShowsThePassword() {
        String text = FerroOptions.defaults().user("app").password("s3cret").toString();

        assertTrue(text.contains("user=app"), text);
        assertFalse(text.contains("s3cret"), text);
    }
}
