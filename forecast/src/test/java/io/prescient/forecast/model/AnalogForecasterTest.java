package io.prescient.forecast.model;

import io.prescient.core.TimeGrid;
import io.prescient.forecast.Forecast;
import io.prescient.forecast.History;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnalogForecasterTest {

    private static History of(double[] y) {
        return History.of(new TimeGrid(0, 300, y.length), y, true);
    }

    /**
     * A batch job: idle near 100 for 10 steps, then running near 20,000 for 8, again and again, with a
     * little noise; ends {@code into} steps into an idle stretch.
     */
    private static double[] batchJob(int cycles, int into, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] y = new double[18 * cycles + into];
        for (int t = 0; t < y.length; t++) {
            y[t] = (t % 18 < 10 ? 100 : 20_000) + r.nextDouble(-5, 5);
        }
        return y;
    }

    @Test
    void aJobThatIsAboutToStartIsForecastToStartAndToStopAfterItsUsualRun() {
        // 12 steps back the job was running, so the analogs are the moments 7 steps into an idle stretch:
        // idle for 3 more steps, running for the 8 after, idle again
        double[] y = batchJob(100, 7, 1);
        Forecast f = AnalogForecaster.defaults().fit(of(y)).forecast(20);
        assertEquals(100, f.median()[1], 10, "still idle 2 steps ahead");
        assertEquals(20_000, f.median()[5], 10, "running 6 steps ahead");
        assertEquals(100, f.median()[14], 10, "idle again 15 steps ahead");
    }

    @Test
    void futuresStartFromTodaysLevelAndStayNonNegative() {
        // the same shape at two levels: the analogs from the low half start from today's (high) level
        double[] y = new double[2000];
        for (int t = 0; t < y.length; t++) {
            y[t] = (t < 1000 ? 0 : 500) + 50 * Math.sin(2 * Math.PI * t / 50);
        }
        Forecast f = AnalogForecaster.defaults().fit(of(y)).forecast(25);
        for (int h = 0; h < 25; h++) {
            assertEquals(500 + 50 * Math.sin(2 * Math.PI * (2000 + h) / 50), f.median()[h], 1, "step " + h);
        }
        double[] falling = new double[600];
        for (int t = 0; t < falling.length; t++) {
            falling[t] = t % 100 < 50 ? 100 - 2 * (t % 100) : 0;
        }
        Forecast low = AnalogForecaster.defaults().fit(of(falling)).forecast(10);
        for (double v : low.quantile(0.01)) {
            assertTrue(v >= 0, "floored at zero: " + v);
        }
    }

    @Test
    void aBandHasTheSpreadOfWhatFollowedAndTheQuantilesDoNotCross() {
        double[] y = batchJob(100, 7, 2);
        Forecast f = AnalogForecaster.defaults().fit(of(y)).forecast(20);
        double[] lo = f.quantile(0.1);
        double[] hi = f.quantile(0.9);
        assertTrue(hi[1] - lo[1] < 50, "2 steps ahead every analog is still idle: " + (hi[1] - lo[1]));
        for (double q = 0.02; q < 0.99; q += 0.01) {
            double[] a = f.quantile(q - 0.01);
            double[] b = f.quantile(q);
            for (int h = 0; h < 20; h++) {
                assertTrue(b[h] >= a[h], "level " + q + " step " + h);
            }
        }
    }

    @Test
    void theClosestAnalogsAreChosenAndTiesGoToTheMostRecent() {
        // a flat history: every moment is as close as any other, so the 100 most recent are taken; the
        // last 150 steps are higher, so their futures (level with today) give a zero-width band
        double[] y = new double[1000];
        for (int t = 0; t < y.length; t++) {
            y[t] = t < 850 ? 10 : 20;
        }
        Forecast f = AnalogForecaster.defaults().fit(of(y)).forecast(5);
        assertArrayEquals(new double[] {20, 20, 20, 20, 20}, f.quantile(0.01), 1e-9);
        assertArrayEquals(new double[] {20, 20, 20, 20, 20}, f.quantile(0.99), 1e-9);
    }

    @Test
    void aHistoryTooShortForTheHorizonGetsTheNaiveForecast() {
        double[] y = batchJob(3, 6, 3);
        Forecast f = AnalogForecaster.defaults().fit(of(y)).forecast(48);
        Forecast naive = new NaiveForecaster().fit(of(y)).forecast(48);
        assertArrayEquals(naive.quantile(0.9), f.quantile(0.9), 1e-9);
    }

    @Test
    void theEmpiricalQuantilesAreLinearBetweenOrderStatistics() {
        double[] q = AnalogForecaster.quantiles(new double[] {0, 10, 20, 30, 40});
        assertEquals(0.4, q[0], 1e-9, "level 0.01");
        assertEquals(20, q[49], 1e-9, "level 0.5");
        assertEquals(39.6, q[98], 1e-9, "level 0.99");
    }

    @Test
    void aFittedModelKeepsAtMostTheSearchablePastAndSerialises() throws Exception {
        double[] y = batchJob(AnalogForecaster.MAX_PAST / 18 + 30, 4, 4);
        var fitted = (AnalogForecaster.Fitted) AnalogForecaster.defaults().fit(of(y));
        assertEquals(AnalogForecaster.MAX_PAST, fitted.past().length);
        assertEquals((float) y[y.length - 1], fitted.past()[AnalogForecaster.MAX_PAST - 1]);
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(fitted);
        }
    }
}
