package io.prescient.forecast.model;

import io.prescient.core.TimeGrid;
import io.prescient.forecast.Forecast;
import io.prescient.forecast.History;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeakForecasterTest {

    /** Bursty demand: a daily cycle, log-normal noise and bursts of 2-6 steps at a few times a day. */
    private static double[] bursty(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] y = new double[n];
        int burst = 0;
        for (int t = 0; t < n; t++) {
            if (burst == 0 && r.nextDouble() < 0.01) {
                burst = 2 + r.nextInt(5);
            }
            double lift = burst-- > 0 ? 1.8 : 1;
            burst = Math.max(burst, 0);
            y[t] = 100 * (1 + 0.4 * Math.sin(2 * Math.PI * t / 288)) * lift * Math.exp(0.1 * r.nextGaussian());
        }
        return y;
    }

    @Test
    void itsTailQuantilesCoverAsTheyPromiseALeadAhead() {
        double[] y = bursty(288 * 21, 3);
        PeakForecaster peak = PeakForecaster.defaults(288);
        int[] levels = {Arrays.binarySearch(PeakForecaster.LEVELS, 0.9), Arrays.binarySearch(PeakForecaster.LEVELS, 0.99)};
        int[] covered = new int[levels.length];
        int n = 0;
        for (int origin = 288 * 14; origin + 2 < y.length; origin += 7) {
            Forecast f = peak.fit(History.of(new TimeGrid(0, 300, origin), Arrays.copyOf(y, origin), true)).forecast(2);
            for (int k = 0; k < levels.length; k++) {
                covered[k] += y[origin + 1] <= f.quantile(PeakForecaster.LEVELS[levels[k]])[1] ? 1 : 0;
            }
            n++;
        }
        assertEquals(0.9, (double) covered[0] / n, 0.03, "P90 coverage two steps ahead over " + n + " origins");
        assertEquals(0.99, (double) covered[1] / n, 0.01, "P99 coverage two steps ahead");
    }

    @Test
    void quantilesAreOrderedAndAShortHistoryStillForecasts() {
        Forecast f = PeakForecaster.defaults(288).fit(History.of(new TimeGrid(0, 300, 5), new double[] {1, 4, 2, 8, 3}, true)).forecast(3);
        for (int h = 0; h < 3; h++) {
            assertTrue(f.quantile(0.1)[h] <= f.quantile(0.5)[h] && f.quantile(0.5)[h] <= f.quantile(0.999)[h]);
            assertTrue(f.quantile(0.01)[h] >= 0, "non-negative demand");
        }
    }
}
