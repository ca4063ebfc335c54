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

    }

    @Test
    void aLiveLookbackMovesWhenTheHoursLastStepIsRead() {
        // rounds every 37 s over three hours; the grid is read as Prometheus is: from the lookback's start, floored to the
        // step, to the step holding now; a head up to its last whole hour must start where it did while that hour is the same
        for (long step : new long[] {300, 60, 7 * 60, 2 * 3600}) {
            long lookback = 86_400 + 100;
            long previousHour = Long.MIN_VALUE;
            long previousStart = Long.MIN_VALUE;
            int moves = 0;
            for (long now = 1_375_315_200L; now < 1_375_315_200L + 3 * 3600; now += 37) {
                long from = TimeGrid.liveLookbackStart(now, step, lookback);
                TimeGrid read = TimeGrid.spanning(from - Math.floorMod(from, step), now - Math.floorMod(now, step), step);
                long hour = read.timeAt(read.floorTo(read.length(), read.clockSteps()));
                assertTrue(read.start() <= read.end() - lookback && read.start() > read.end() - lookback - 3600 - step, "the lookback back "
                        + "from the hour, at most an hour more: " + read + " at " + now);
                assertEquals(hour != previousHour, read.start() != previousStart, "the start moves with the last whole hour, at " + now);
                moves += hour != previousHour ? 1 : 0;
                previousHour = hour;
                previousStart = read.start();
            }
            assertTrue(moves >= 2 && moves <= 5, "about once an hour (once a step over half an hour) for steps of " + step + " s: " + moves);
        }
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new TimeGrid(0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new TimeGrid(0, 60, -1));
        assertThrows(IllegalArgumentException.class, () -> TimeGrid.spanning(0, 90, 60));
        assertThrows(IllegalArgumentException.class, () -> new TimeGrid(0, 60, 3).indexOf(30));
    }
}
