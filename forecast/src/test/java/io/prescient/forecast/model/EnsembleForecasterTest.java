package io.prescient.forecast.model;

import io.prescient.core.TimeGrid;
import io.prescient.forecast.FittedModel;
import io.prescient.forecast.Forecast;
import io.prescient.forecast.History;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnsembleForecasterTest {

    private static final int DAY = 24;

    /** A daily cycle with Gaussian noise of sd 1. */
    private static double[] daily(int days, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] y = new double[days * DAY];
        for (int t = 0; t < y.length; t++) {
            y[t] = 50 + 20 * Math.sin(2 * Math.PI * t / DAY) + gaussian(r);
        }
        return y;
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @Test
    void choosesAProfileOnASeasonalSeriesAndIsCalibrated() {
        EnsembleForecaster ensemble = EnsembleForecaster.defaults(DAY, 24);
        double[] y = daily(60, 1);
        int covered = 0;
        int total = 0;
        double absError = 0;
        double medianOff = 0;
        for (int origin = 40 * DAY; origin + 24 <= y.length; origin += 24) {
            History h = History.of(new TimeGrid(0, 3600, origin), java.util.Arrays.copyOf(y, origin), true);
            FittedModel fitted = ensemble.fit(h);
            @SuppressWarnings("unchecked")
            List<String> rules = (List<String>) fitted.parameters().get("rules");
            assertTrue(rules.stream().allMatch(n -> n.contains("profile")), rules.toString());
            Forecast f = fitted.forecast(24);
            double[] lo = f.quantile(0.1);
            double[] hi = f.quantile(0.9);
            double[] med = f.median();
            for (int k = 0; k < 24; k++) {
                double actual = y[origin + k];
                covered += actual >= lo[k] && actual <= hi[k] ? 1 : 0;
                absError += Math.abs(actual - (50 + 20 * Math.sin(2 * Math.PI * (origin + k) / DAY)));
                total++;
                medianOff += Math.abs(med[k] - (50 + 20 * Math.sin(2 * Math.PI * (origin + k) / DAY)));
            }
        }
        assertEquals(0.8, (double) covered / total, 0.06);
        assertTrue(absError / total < 1.0);
        assertTrue(medianOff / total < 0.6, "median off the true cycle by " + medianOff / total + " on average");
    }

    @Test
    void aFlatSeriesGetsAFlatForecastWithNoWidth() {
        double[] y = new double[30 * DAY];
        java.util.Arrays.fill(y, 7);
        Forecast f = EnsembleForecaster.defaults(DAY, 12).fit(History.of(new TimeGrid(0, 3600, y.length), y, true))
                .forecast(12);
        for (double q : new double[] {0.01, 0.1, 0.5, 0.9, 0.99}) {
            for (double v : f.quantile(q)) {
                assertEquals(7, v, 1e-12);
            }
        }
    }

    @Test
    void followsALevelShiftWithRecentMediansWhenThereIsNoSeason() {
        double[] y = new double[400];
        SplittableRandom r = new SplittableRandom(3);
        for (int t = 0; t < y.length; t++) {
            y[t] = (t < 380 ? 10 : 30) + 0.1 * gaussian(r);
        }
        Forecast f = EnsembleForecaster.defaults(0, 5).fit(History.of(new TimeGrid(0, 60, y.length), y, true))
                .forecast(5);
        assertEquals(30, f.median()[0], 1.0);
    }

    @Test
    void shortHistoriesStillForecastAndQuantilesStayAtOrAboveZero() {
        double[] y = {0, 0, 5, 0, 0, 0};
        Forecast f = EnsembleForecaster.defaults(DAY, 24).fit(History.of(new TimeGrid(0, 3600, y.length), y, true))
                .forecast(3);
        for (double v : f.quantile(0.01)) {
            assertTrue(v >= 0);
        }
    }

    /**
     * The last value misses step 2 of every 4-step window by 10 and the others by nothing. With 10 windows each of
     * the two horizon buckets has 20 errors and its own quantiles; with 9, 18 each, too few, so both take all 36.
     */
    @Test
    void bucketsWithTwentyErrorsKeepTheirOwnQuantilesAndFewerTakeAllErrors() {
        double[] y = new double[48];
        for (int t = 0; t < y.length; t++) {
            y[t] = t % 4 == 2 ? 10 : 0;
        }
        History h = History.of(new TimeGrid(0, 60, y.length), y, true);
        Forecast own = new EnsembleForecaster(List.of(new PointRule.Last()), 4, 10, 2, false).fit(h).forecast(4);
        assertEquals(0, own.quantile(0.9)[0], 1e-12, "bucket 0: 20 errors, all 0");
        assertEquals(10, own.quantile(0.9)[2], 1e-12, "bucket 1: 20 errors, half of them 10");
        Forecast pooled = new EnsembleForecaster(List.of(new PointRule.Last()), 4, 9, 2, false).fit(h).forecast(4);
        assertEquals(10, pooled.quantile(0.9)[0], 1e-12, "18 errors: all 36, a quarter of them 10");
        assertEquals(0, pooled.quantile(0.5)[2], 1e-12, "18 errors: all 36, the median 0");
    }
}
