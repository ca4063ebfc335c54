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
    void futuresStartFromTodaysValue() {
        // a ramp: the closest moments are the most recent ones, and what followed them, moved up to
        // today's value, continues the ramp from today (unmoved it would lag by about 50)
        double[] y = new double[500];
        for (int t = 0; t < y.length; t++) {
            y[t] = t;
        }
        Forecast f = AnalogForecaster.defaults().fit(of(y)).forecast(5);
        for (int h = 0; h < 5; h++) {
            assertEquals(500 + h, f.median()[h], 1e-9, "step " + h);
        }
    }

    @Test
    void futuresMovedBelowZeroAreFlooredForQuantitiesThatCannotBeNegative() {
        // ramps from 200 down to 10, then idle at 0; today's ramp ends at 5, so the ramps of the past,
        // moved down to it, fall below zero when they reach idle
        double[] y = new double[40 * 30 + 12];
        for (int t = 0; t < 40 * 30; t++) {
            y[t] = t % 40 < 20 ? 200 - 10 * (t % 40) : 0;
        }
        for (int i = 0; i < 12; i++) {
            y[40 * 30 + i] = 115 - 10 * i;
        }
        Forecast f = AnalogForecaster.defaults().fit(of(y)).forecast(10);
        assertEquals(0, f.quantile(0.01)[1], 0, "floored at zero");
        for (double v : f.quantile(0.01)) {
            assertTrue(v >= 0, "floored at zero: " + v);
        }
        Forecast signed = AnalogForecaster.defaults().fit(History.of(new TimeGrid(0, 300, y.length), y, false)).forecast(10);
        assertTrue(signed.quantile(0.01)[1] < 0, "a quantity that can be negative keeps it: " + signed.quantile(0.01)[1]);
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
        // 5, 1, 5, 2, ..., 5, 9, 5: today is a 5, and so was every other step; of these equally close
        // moments the two most recent were followed by 9 and 8
        double[] y = new double[19];
        for (int i = 0; i < 9; i++) {
            y[2 * i] = 5;
            y[2 * i + 1] = i + 1;
        }
        y[18] = 5;
        Forecast f = new AnalogForecaster(1, 2).fit(of(y)).forecast(1);
        assertEquals(8, f.quantile(0.01)[0], 0.02);
        assertEquals(9, f.quantile(0.99)[0], 0.02);
    }

    @Test
    void aHistoryTooShortForTheHorizonGetsTheNaiveForecast() {
        double[] y = batchJob(3, 6, 3);
        Forecast f = AnalogForecaster.defaults().fit(of(y)).forecast(48);
        Forecast naive = new NaiveForecaster().fit(of(y)).forecast(48);
        assertArrayEquals(naive.quantile(0.9), f.quantile(0.9), 1e-9);
        assertTrue(naive.quantile(0.1)[47] < 0, "the naive band reaches below zero");
        assertEquals(0, f.quantile(0.1)[47], 0, "the analog's fallback is floored at zero");
        assertEquals("analog", f.model());
    }

    @Test
    void selectionFindsTheSameOrderStatisticAsASortWithAndWithoutTies() {
        SplittableRandom r = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            double[] values = new double[1 + r.nextInt(300)];
            int distinct = 1 + r.nextInt(trial % 2 == 0 ? 3 : 1000);
            for (int i = 0; i < values.length; i++) {
                values[i] = r.nextInt(distinct);
            }
            double[] sorted = values.clone();
            java.util.Arrays.sort(sorted);
            int k = r.nextInt(values.length);
            assertEquals(sorted[k], AnalogForecaster.smallest(values.clone(), k), "trial " + trial + ", k " + k);
        }
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
        assertEquals(y[y.length - 1], fitted.past()[AnalogForecaster.MAX_PAST - 1], 0);
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(fitted);
        }
    }
}
