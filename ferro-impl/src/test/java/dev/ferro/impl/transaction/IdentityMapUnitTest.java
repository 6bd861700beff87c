package dev.ferro.impl.transaction;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The map on its own: instances per model and key, also when calls alternate between models. */
class IdentityMapUnitTest {
    private final IdentityMap map = new IdentityMap();

    @Test
    void keysOfDifferentModelsDoNotMeetWhenCallsAlternate() {
        String one = "account 1";
        StringBuilder other = new StringBuilder("note 1");
        map.put(String.class, 1L, one);
        assertNull(map.get(StringBuilder.class, 1L));
        map.put(StringBuilder.class, 1L, other);

        assertSame(one, map.get(String.class, 1L));
        assertSame(other, map.get(StringBuilder.class, 1L));
        assertSame(one, map.get(String.class, 1L));
        assertNull(map.get(String.class, 2L));
        assertEquals(2, map.size());
    }

    @Test
    void evictAndClearForgetTheModelAskedForLast() {
        map.put(String.class, 1L, "a");
        assertSame("a", map.get(String.class, 1L));

        map.evict(String.class);
        assertNull(map.get(String.class, 1L));
        map.put(String.class, 1L, "b");
        assertSame("b", map.get(String.class, 1L));

        map.clear();
        assertNull(map.get(String.class, 1L));
        assertEquals(0, map.size());
        map.put(String.class, 1L, "c");
        assertSame("c", map.get(String.class, 1L));
    }

    @Test
    void removeTakesOutOneInstance() {
        map.put(String.class, 1L, "a");
        map.put(String.class, 2L, "b");
        assertSame("a", map.get(String.class, 1L));

        map.remove(String.class, 1L);

        assertNull(map.get(String.class, 1L));
        assertSame("b", map.get(String.class, 2L));
    }
}
