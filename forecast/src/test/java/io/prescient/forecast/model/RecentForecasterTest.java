package io.prescient.forecast.model;

import io.prescient.core.TimeGrid;
import io.prescient.forecast.Forecast;
import io.prescient.forecast.History;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecentForecasterTest {

    private static History of(double[] y) {
        return History.of(new TimeGrid(0, 300, y.length), y, true);
    }

    /** Seasons of 10 steps: {@code seasons[i]} is the level of the i-th, oldest first. */
    private static double[] seasons(double... levels) {
        double[] y = new double[10 * levels.length];
        for (int t = 0; t < y.length; t++) {
            y[t] = levels[t / 10];
        }
        return y;
    }

    @Test
    void theLastTwoHalfLivesOutweighTheSixBefore() {
        // idle for six seasons, busy for the last two: the busy ones carry 3/4 of the weight
        // (1 - 2^-2 of 1 - 2^-8), so the 0.3 quantile is busy and the 0.2 quantile idle
        Forecast f = RecentForecaster.daily(10).fit(of(seasons(0, 0, 0, 0, 0, 0, 100, 100))).forecast(5);
        for (int h = 0; h < 5; h++) {
            assertEquals(0, f.quantile(0.2)[h], 1e-9, "step " + h);
            assertEquals(100, f.quantile(0.3)[h], 1e-9, "step " + h);
            assertEquals(100, f.median()[h], 1e-9, "step " + h);
        }
        double busyShare = 0.75 / (1 - Math.pow(2, -8));
        assertEquals(100 * busyShare, f.mean()[0], 0.5, "the weighted mean");
    }

    @Test
    void valuesOlderThanTheSpanAreNotRead() {
        // a burst nine seasons ago, outside the eight read, leaves no trace in the upper tail
        Forecast f = RecentForecaster.daily(10).fit(of(seasons(50_000, 1, 1, 1, 1, 1, 1, 1, 1))).forecast(3);
        assertEquals(1, f.quantile(0.99)[2], 1e-9);
        assertEquals(1, f.mean()[0], 1e-9, "the burst carries no weight");
    }

    @Test
    void equalWeightsGiveHazensQuantiles() {
        // a half-life far longer than the span weighs the values 1..99 all but equally: each value sits
        // at the middle of its 1/99 of the weight, so the p-quantile is 99 p + 0.5
        double[] y = new double[99];
        for (int t = 0; t < y.length; t++) {
            y[t] = 99 - t;
        }
        Forecast f = new RecentForecaster(1_000_000, 99).fit(of(y)).forecast(1);
        assertEquals(50, f.median()[0], 0.01);
        assertEquals(10.4, f.quantile(0.1)[0], 0.01);
        assertEquals(89.6, f.quantile(0.9)[0], 0.01);
    }

    @Test
    void missingValuesAreSkippedAndAWholeMissingSpanGetsTheNaiveForecast() {
        double[] y = seasons(7, 7, 7);
        Arrays.fill(y, 20, 30, Double.NaN);
        Forecast f = RecentForecaster.daily(10).fit(of(y)).forecast(2);
        assertEquals(7, f.quantile(0.01)[0], 1e-9);
        assertEquals(7, f.quantile(0.99)[1], 1e-9);

        double[] gap = new double[40];
        Arrays.fill(gap, Double.NaN);
        gap[0] = 3;
        Forecast naive = new RecentForecaster(5, 20).fit(of(gap)).forecast(4);
        assertEquals("recent", naive.model());
        assertArrayEquals(new double[]{3, 3, 3, 3}, naive.median(), 1e-9);
    }

    @Test
    void quantilesNeverDecreaseAcrossLevels() {
        double[] y = new double[200];
        for (int t = 0; t < y.length; t++) {
            y[t] = (t * 7919) % 113;
        }
        Forecast f = RecentForecaster.daily(24).fit(of(y)).forecast(1);
        double previous = Double.NEGATIVE_INFINITY;
        for (double level : RecentForecaster.LEVELS) {
            double q = f.quantile(level)[0];
            assertTrue(q >= previous, "level " + level);
            previous = q;
        }
    }

    @Test
    void refusesANonPositiveHalfLifeOrSpan() {
        assertThrows(IllegalArgumentException.class, () -> new RecentForecaster(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new RecentForecaster(10, 0));
    }
}
