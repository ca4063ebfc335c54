package io.prescient.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeGridTest {

    @Test
    void spanningCountsBothEnds() {
        TimeGrid g = TimeGrid.spanning(1375308000L, 1375308000L + 8639 * 300, 300);
        assertEquals(8640, g.length());
        assertEquals(1375308000L + 8639 * 300, g.last());
        assertEquals(1375308000L + 8640 * 300, g.end());
        assertEquals(5, g.indexOf(1375308000L + 1500));
    }

    @Test
    void unionCoversBothAndNeedsSamePhase() {
        TimeGrid a = new TimeGrid(600, 300, 3);
        TimeGrid b = new TimeGrid(1500, 300, 2);
        assertEquals(new TimeGrid(600, 300, 5), a.union(b));
        assertEquals(new TimeGrid(600, 300, 5), b.union(a));
        assertFalse(a.compatibleWith(new TimeGrid(650, 300, 1)));
        assertThrows(IllegalArgumentException.class, () -> a.union(new TimeGrid(650, 300, 1)));
        assertTrue(a.compatibleWith(new TimeGrid(0, 300, 1)));
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new TimeGrid(0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new TimeGrid(0, 60, -1));
        assertThrows(IllegalArgumentException.class, () -> TimeGrid.spanning(0, 90, 60));
        assertThrows(IllegalArgumentException.class, () -> new TimeGrid(0, 60, 3).indexOf(30));
    }
}
