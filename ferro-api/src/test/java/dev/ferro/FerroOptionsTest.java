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
    void aNegativeOrZeroAcquisitionTimeoutIsRefused() {
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> FerroOptions.defaults().acquisitionTimeout(Duration.ofSeconds(-5)));
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> FerroOptions.defaults().acquisitionTimeout(Duration.ZERO));

        assertEquals("acquisitionTimeout must be positive, got PT-5S (Ferro has no wait-forever setting: give a bound)",
                negative.getMessage());
        assertEquals("acquisitionTimeout must be positive, got PT0S (Ferro has no wait-forever setting: give a bound)",
                zero.getMessage());
    }

    @Test
    void productionDefaultsAreOn() {
        FerroOptions options = FerroOptions.defaults();

        assertEquals(Duration.ofSeconds(30), options.validationInterval());
        assertEquals(Duration.ofMinutes(30), options.maxLifetime());
        assertEquals(Duration.ofMinutes(10), options.leakTimeout());
        assertEquals(Duration.ofSeconds(10), options.connectTimeout());
        assertEquals(null, options.statementTimeout());
        assertEquals(1000, options.fetchSize());
    }

    @Test
    void timeoutsAreKeptAndAZeroStatementTimeoutIsRefused() {
        FerroOptions options = FerroOptions.defaults().statementTimeout(Duration.ofMillis(2500))
                .validationInterval(Duration.ofSeconds(5)).maxLifetime(Duration.ofMinutes(3)).leakTimeout(Duration.ofMinutes(1))
                .connectTimeout(Duration.ofSeconds(3)).fetchSize(250);
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> FerroOptions.defaults().statementTimeout(Duration.ZERO));
        IllegalArgumentException fetch = assertThrows(IllegalArgumentException.class, () -> FerroOptions.defaults().fetchSize(0));

        assertEquals(Duration.ofMillis(2500), options.statementTimeout());
        assertEquals(Duration.ofSeconds(5), options.validationInterval());
        assertEquals(Duration.ofMinutes(3), options.maxLifetime());
        assertEquals(Duration.ofMinutes(1), options.leakTimeout());
        assertEquals(Duration.ofSeconds(3), options.connectTimeout());
        assertEquals(250, options.fetchSize());
        assertEquals(null, options.statementTimeout(null).statementTimeout());
        assertEquals("statementTimeout must be positive, got PT0S", zero.getMessage());
        assertEquals("fetchSize must be at least 1, got 0", fetch.getMessage());
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
