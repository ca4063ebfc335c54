package io.prescient.forecast.model;

import io.prescient.core.TimeGrid;
import io.prescient.forecast.Forecast;
import io.prescient.forecast.History;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class BaselinesTest {

    private static final double NAN = Double.NaN;

    @Test
    void lastValueImputationFillsForwardAndLeadingWithTheFirstValue() {
        assertArrayEquals(new double[] {2, 2, 2, 5, 5}, Imputation.lastValue(new double[] {NAN, 2, NAN, 5, NAN}));
        assertArrayEquals(new double[] {0, 0}, Imputation.lastValue(new double[] {NAN, NAN}));
    }

    @Test
    void naiveSigmaIsTheRootMeanSquareOfOneStepChanges() {
        // imputed 1, 3, 3, 6: changes 2, 0, 3 -> sigma = sqrt(13/3)
        History h = History.of(new TimeGrid(0, 60, 4), new double[] {1, 3, NAN, 6}, false);
        Forecast f = new NaiveForecaster().fit(h).forecast(4);
        double sigma = Math.sqrt(13.0 / 3);
        assertEquals(new TimeGrid(240, 60, 4), f.grid());
        assertArrayEquals(new double[] {6, 6, 6, 6}, f.median(), 1e-12);
        double z = 1.2815515655446004;
        assertEquals(6 + z * sigma * 2, f.quantile(0.9)[3], 1e-9);
        assertEquals(6 - z * sigma, f.quantile(0.1)[0], 1e-9);
    }

    @Test
    void seasonalNaiveRepeatsTheLastSeasonWithBandsGrowingPerSeason() {
        // season 2: residuals y[t]-y[t-2] = 2, 2, 4 -> sigma = sqrt(24/3)
        History h = History.of(new TimeGrid(0, 60, 5), new double[] {1, 5, 3, 7, 7}, false);
        Forecast f = new SeasonalNaiveForecaster(2).fit(h).forecast(5);
        assertArrayEquals(new double[] {7, 7, 7, 7, 7}, f.median(), 1e-12);
        double sigma = Math.sqrt(8);
        double z = 1.2815515655446004;
        assertEquals(7 + z * sigma, f.quantile(0.9)[1], 1e-9);
        assertEquals(7 + z * sigma * Math.sqrt(2), f.quantile(0.9)[2], 1e-9);
        assertEquals(7 + z * sigma * Math.sqrt(3), f.quantile(0.9)[4], 1e-9);
    }

    @Test
    void samplePathsFollowTheMarginals() {
        History h = History.of(new TimeGrid(0, 60, 3), new double[] {0, 1, 0}, false);
        Forecast f = new NaiveForecaster().fit(h).forecast(2);
        double[][] paths = f.samplePaths(20000, new SplittableRandom(7));
        double below = 0;
        for (double[] p : paths) {
            if (p[1] <= f.quantile(0.9)[1]) {
                below++;
            }
        }
        assertEquals(0.9, below / paths.length, 0.01);
    }
}
