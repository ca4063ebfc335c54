package io.prescient.plan.loop;

import io.prescient.core.TimeGrid;
import io.prescient.forecast.History;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForecastMonitorTest {

    static final long STEP = 60;
    static final int HORIZON = 3;
    static final int SHIFT = 40;

    /** A level of 100 that jumps to 300 at step {@link #SHIFT}. */
    static History observed(int length) {
        double[] y = new double[length];
        for (int i = 0; i < length; i++) {
            y[i] = i < SHIFT ? 100 : 300;
        }
        return History.of(new TimeGrid(0, STEP, length), y, true);
    }

    /** Forecasts of 100 with an upper bound of 120 from every origin, settled as a loop would: the jump makes them miss. */
    @Test
    void aDriftCycleWaitsUntilTheDataSinceTheOnsetFillsItsValidationWindows() {
        ForecastMonitor monitor = new ForecastMonitor(0.95, 5, 0.5);
        int windows = 2;
        long settle = windows * HORIZON * STEP;
        double[] flat = new double[HORIZON];
        Arrays.fill(flat, 100);
        double[] upper = new double[HORIZON];
        Arrays.fill(upper, 120);
        int firstDue = -1;
        int firstDueSettled = -1;
        for (int origin = 20; origin < 70; origin++) {
            History seen = observed(origin);
            monitor.settle(seen.grid().end(), seen);
            if (firstDue < 0 && monitor.driftDue()) {
                firstDue = origin;
            }
            if (monitor.driftDue(seen.grid().last(), settle)) {
                firstDueSettled = origin;
                assertEquals(SHIFT * STEP, monitor.onset(), "the onset is the first point the forecasts missed");
                assertTrue(monitor.driftCoverage() < 0.5, "the drift names the coverage that called for it: " + monitor.driftCoverage());
                break;
            }
            monitor.add(new TimeGrid(origin * STEP, STEP, HORIZON), flat, upper);
        }
        assertTrue(firstDue > 0 && firstDue < SHIFT + 2 * HORIZON, "coverage falls a few points after the jump: " + firstDue);
        assertTrue(firstDueSettled >= SHIFT + windows * HORIZON + 1, "the cycle waits for the new level at the origin of every "
                + "validation window: due at " + firstDueSettled + ", the jump at " + SHIFT);
        ForecastMonitor calm = new ForecastMonitor(0.95, 5, 0.5);
        History noJump = History.of(new TimeGrid(0, STEP, 60), filled(60, 100), true);
        calm.add(new TimeGrid(30 * STEP, STEP, HORIZON), flat, upper);
        calm.settle(noJump.grid().end(), noJump);
        assertEquals(Long.MAX_VALUE, calm.onset());
        assertFalse(calm.driftDue(noJump.grid().last(), 0));
    }

    static double[] filled(int n, double v) {
        double[] y = new double[n];
        Arrays.fill(y, v);
        return y;
    }
}
