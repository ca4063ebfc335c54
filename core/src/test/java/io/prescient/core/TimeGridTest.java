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
    void lookbacksMoveOnWholeHoursOnly() {
        // five-minute steps from 00:15: index 9 is 01:00, 21 is 02:00
        TimeGrid g = new TimeGrid(900, 300, 100);
        assertEquals(12, g.clockSteps());
        assertEquals(9, g.floorTo(9, 12));
        assertEquals(9, g.floorTo(20, 12));
        assertEquals(21, g.floorTo(21, 12));
        assertEquals(-3, g.floorTo(8, 12), "before the grid's first whole hour");
        for (int end = 30; end < 60; end++) {
            int start = g.lookbackStart(end, 10);
            assertTrue(end - start >= 10 && end - start < 10 + 12, "at least the lookback, at most an hour more: " + start + ".." + end);
            assertEquals(g.lookbackStart(end - 1, 10) != start, Math.floorMod(end + 3, 12) == 0, "moves exactly on the hour, at " + end);
        }
        assertEquals(0, g.lookbackStart(12, 10), "never before the grid");
        assertEquals(1, new TimeGrid(0, 3600, 30).clockSteps());
        assertEquals(20, new TimeGrid(0, 3600, 30).lookbackStart(30, 10), "hourly steps: the lookback moves every step");
        assertEquals(1, new TimeGrid(0, 7200, 30).clockSteps());

        assertEquals(7200, TimeGrid.clockStart(7200, 300));
        assertEquals(7200, TimeGrid.clockStart(7200 + 3599, 300));
        assertEquals(10800, TimeGrid.clockStart(10800, 300));
        assertEquals(-3600, TimeGrid.clockStart(-1, 300));
        assertEquals(7200 + 1800, TimeGrid.clockStart(7200 + 1800 + 10, 7200 + 1800), "steps of 2.5 h: the step's start");
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new TimeGrid(0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new TimeGrid(0, 60, -1));
        assertThrows(IllegalArgumentException.class, () -> TimeGrid.spanning(0, 90, 60));
        assertThrows(IllegalArgumentException.class, () -> new TimeGrid(0, 60, 3).indexOf(30));
    }
}
