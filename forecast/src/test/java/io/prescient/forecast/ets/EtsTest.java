package io.prescient.forecast.ets;

import io.prescient.core.TimeGrid;
import io.prescient.forecast.FittedModel;
import io.prescient.forecast.Forecast;
import io.prescient.forecast.History;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EtsTest {

    private static final EtsSpec ANN = new EtsSpec(false, EtsSpec.Trend.NONE, EtsSpec.Season.NONE);
    private static final EtsSpec AAN = new EtsSpec(false, EtsSpec.Trend.ADDITIVE, EtsSpec.Season.NONE);
    private static final EtsSpec ANA = new EtsSpec(false, EtsSpec.Trend.NONE, EtsSpec.Season.ADDITIVE);
    private static final EtsSpec MNN = new EtsSpec(true, EtsSpec.Trend.NONE, EtsSpec.Season.NONE);

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /** Simulates ETS(A,A,A) with the given smoothing (beta = 0 or gamma = 0 switch a component off). */
    private static double[] simulateAdditive(int n, double alpha, double beta, double gamma, int m, double sd, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double level = 100;
        double slope = beta > 0 ? 0.05 : 0;
        double[] season = new double[m];
        for (int i = 0; i < m; i++) {
            season[i] = gamma > 0 ? 10 * Math.sin(2 * Math.PI * i / m) : 0;
        }
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            double e = sd * gaussian(r);
            int phase = t % m;
            y[t] = level + slope + season[phase] + e;
            level = level + slope + alpha * e;
            slope = slope + beta * e;
            season[phase] += gamma * e;
        }
        return y;
    }

    @Test
    void recoversTheSmoothingParameterOfSimpleExponentialSmoothing() {
        double[] y = simulateAdditive(3000, 0.3, 0, 0, 1, 1, 7);
        EtsModel m = EtsFitter.fit(ANN, y, 1);
        assertNotNull(m);
        assertEquals(0.3, m.alpha(), 0.05);
        assertEquals(1.0, m.sigma2(), 0.1);
    }

    @Test
    void recoversLevelAndTrendSmoothing() {
        double[] y = simulateAdditive(4000, 0.4, 0.08, 0, 1, 1, 11);
        EtsModel m = EtsFitter.fit(AAN, y, 1);
        assertNotNull(m);
        assertEquals(0.4, m.alpha(), 0.07);
        assertEquals(0.08, m.beta(), 0.04);
    }

    @Test
    void recoversSeasonalSmoothingAndAiccPrefersTheSeasonalForm() {
        double[] y = simulateAdditive(2400, 0.2, 0, 0.15, 12, 1, 3);
        EtsModel seasonal = EtsFitter.fit(ANA, y, 12);
        EtsModel plain = EtsFitter.fit(ANN, y, 12);
        assertNotNull(seasonal);
        assertEquals(0.2, seasonal.alpha(), 0.06);
        assertEquals(0.15, seasonal.gamma(), 0.06);
        assertTrue(seasonal.aicc() < plain.aicc() - 100, seasonal.aicc() + " vs " + plain.aicc());
    }

    @Test
    void varianceOfSimpleExponentialSmoothingGrowsAsTheTextbookSays() {
        EtsModel m = new EtsModel(ANN, 0.5, 0, 0, 1, 10, 0, new double[] {0}, 4.0, 0, 100, new double[] {-1.2816, 0, 1.2816});
        double[] v = m.variance(4);
        for (int h = 1; h <= 4; h++) {
            assertEquals(4.0 * (1 + (h - 1) * 0.25), v[h - 1], 1e-12, "h=" + h);
        }
        assertArrayEquals(new double[] {10, 10, 10, 10}, m.mean(4), 1e-12);
    }

    @Test
    void dampedTrendFlattensGeometrically() {
        EtsSpec damped = new EtsSpec(false, EtsSpec.Trend.DAMPED, EtsSpec.Season.NONE);
        EtsModel m = new EtsModel(damped, 0.5, 0.1, 0, 0.9, 100, 2, new double[] {0}, 1, 0, 100, new double[] {-1.2816, 0, 1.2816});
        double[] mean = m.mean(30);
        assertEquals(100 + 0.9 * 2, mean[0], 1e-12);
        assertEquals(0.9, (mean[2] - mean[1]) / (mean[1] - mean[0]), 1e-12);
        assertEquals(100 + 2 * 0.9 / (1 - 0.9), mean[29], 2.0);
    }

    @Test
    void multiplicativeFormsRefuseNonPositiveData() {
        double[] y = simulateAdditive(200, 0.3, 0, 0, 1, 1, 5);
        y[50] = 0;
        assertNull(EtsFitter.fit(MNN, y, 1));
        assertNotNull(EtsFitter.fit(ANN, y, 1));
    }

    @Test
    void automaticSelectionForecastsADailyShapeOnHourlyData() {
        double[] y = new double[24 * 30];
        SplittableRandom r = new SplittableRandom(2);
        for (int t = 0; t < y.length; t++) {
            y[t] = 50 + 20 * Math.sin(2 * Math.PI * t / 24) + gaussian(r);
        }
        int origin = 24 * 28;
        FittedModel fitted = EtsForecaster.forStep(3600)
                .fit(History.of(new TimeGrid(0, 3600, origin), Arrays.copyOf(y, origin), true));
        assertTrue(fitted.parameters().get("form").toString().endsWith(",A)") || fitted.parameters().get("form").toString().endsWith(",M)"),
                fitted.parameters().toString());
        Forecast f = fitted.forecast(48);
        double err = 0;
        int covered = 0;
        for (int h = 0; h < 48; h++) {
            err += Math.abs(f.median()[h] - y[origin + h]);
            covered += y[origin + h] >= f.quantile(0.1)[h] && y[origin + h] <= f.quantile(0.9)[h] ? 1 : 0;
        }
        assertTrue(err / 48 < 1.5, "MAE " + err / 48);
        assertTrue(covered >= 30, "covered " + covered + " of 48");
    }

    @Test
    void longDailyAndWeeklySeasonsAreRemovedByDecomposition() {
        int day = 288;
        double[] y = new double[day * 29];
        SplittableRandom r = new SplittableRandom(4);
        for (int t = 0; t < y.length; t++) {
            double weekly = (t / day) % 7 >= 5 ? -15 : 0;
            y[t] = 60 + 20 * Math.sin(2 * Math.PI * t / day) + weekly + gaussian(r);
        }
        int origin = day * 28;
        FittedModel fitted = EtsForecaster.dailyAndWeekly(288)
                .fit(History.of(new TimeGrid(0, 300, origin), Arrays.copyOf(y, origin), true));
        assertEquals(java.util.List.of(288, 2016), fitted.parameters().get("seasons_removed"));
        double[] median = fitted.forecast(day).median();
        double err = 0;
        for (int h = 0; h < day; h++) {
            err += Math.abs(median[h] - y[origin + h]);
        }
        assertTrue(err / day < 2.0, "MAE " + err / day);
    }

    @Test
    void aLevelShiftAtTheEndDoesNotMakeTheForecastExplode() {
        double[] y = new double[24 * 20];
        SplittableRandom r = new SplittableRandom(9);
        for (int t = 0; t < y.length; t++) {
            y[t] = (t < y.length - 5 ? 10 : 400) + gaussian(r);
        }
        Forecast f = EtsForecaster.forStep(3600).fit(History.of(new TimeGrid(0, 3600, y.length), y, true)).forecast(720);
        double hi = Arrays.stream(y).max().orElseThrow();
        for (double v : f.median()) {
            assertFalse(Double.isNaN(v));
            assertTrue(v >= 0 && v <= 2 * hi, "median " + v);
        }
        double lo = Arrays.stream(y).min().orElseThrow();
        for (double v : f.quantile(0.99)) {
            assertTrue(Double.isFinite(v) && v <= hi + (hi - lo), "q0.99 " + v + " above the plausible ceiling");
        }
    }
}
