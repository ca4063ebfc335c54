package io.prescient.plan.scenario.fit;

import io.prescient.plan.scenario.ScenarioFile;
import io.prescient.plan.scenario.ScenarioSet;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpikeFitTest {

    private static final int DAY = 288;

    /**
     * 30 days on a 5-minute grid: a daily cycle with 2% noise, and spikes arriving as a Poisson process
     * of {@code perDay} a day, each a log-normal relative uplift (median {@code median}, sigma 0.25)
     * lasting 15 to 30 minutes.
     */
    private static double[] series(double perDay, double median, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] y = new double[30 * DAY];
        double[] uplift = new double[y.length];
        double p = perDay / DAY;
        for (int t = 0; t < y.length; t++) {
            if (r.nextDouble() < p) {
                double size = median * Math.exp(0.25 * r.nextGaussian());
                int steps = 3 + r.nextInt(4);
                for (int i = 0; i < steps && t + i < y.length; i++) {
                    uplift[t + i] = Math.max(uplift[t + i], size);
                }
            }
        }
        for (int t = 0; t < y.length; t++) {
            double base = 100 * (1 + 0.4 * Math.sin(2 * Math.PI * (t % DAY) / DAY));
            y[t] = base * (1 + uplift[t]) * (1 + 0.02 * r.nextGaussian());
        }
        return y;
    }

    @Test
    void recoversThePoissonRateAndTheSizeOfTheSpikes() {
        for (long seed = 1; seed <= 3; seed++) {
            SpikeFit fit = SpikeFit.fit(series(3, 0.8, seed), 300, DAY);
            System.out.printf(java.util.Locale.ROOT, "SpikeFitTest seed %d: %.3f a day (90%%: %.3f..%.3f), median size %.3f, sigma %.3f, "
                    + "median duration %.0f s%n", seed, fit.perDay(), fit.perDayLow(), fit.perDayHigh(), fit.magnitude().median(),
                    fit.magnitude().sigma(), fit.duration().median());
            assertEquals(3, fit.perDay(), 0.6, "rate, seed " + seed + ": " + fit);
            assertEquals(0.8, fit.magnitude().median(), 0.16, "median uplift, seed " + seed + ": " + fit);
            assertEquals(0.25, fit.magnitude().sigma(), 0.1, "spread of the uplift's log, seed " + seed + ": " + fit);
            assertTrue(fit.duration().median() >= 900 && fit.duration().median() <= 1800, "duration " + fit.duration());
            assertTrue(fit.perDayLow() < 3 && fit.perDayHigh() > 3, "the 90% interval holds the true rate: " + fit);
        }
        SpikeFit rare = SpikeFit.fit(series(0.5, 1.5, 9), 300, DAY);
        assertEquals(0.5, rare.perDay(), 0.2, rare.toString());
    }

    @Test
    void writesAScenarioTheLoopReads() {
        SpikeFit fit = SpikeFit.fit(series(3, 0.8, 4), 300, DAY);
        ScenarioSet set = ScenarioFile.parse("fitted.yaml", "name: fitted\nscenarios:\n" + fit.yaml("spikes seen", "demand"));
        io.prescient.plan.scenario.LoadSpike read = (io.prescient.plan.scenario.LoadSpike) set.scenarios().get(0);
        io.prescient.plan.scenario.LoadSpike fitted = fit.scenario("spikes seen", "demand");
        assertEquals(fitted.perDay(), read.perDay(), 1e-4);
        assertEquals(fitted.magnitude().mean(), read.magnitude().mean(), 1e-3);
        assertEquals(fitted.duration().mean(), read.duration().mean(), 1);
        assertEquals(fitted.shape(), read.shape());
    }

    @Test
    void aSeriesWithoutSpikesSaysSo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpikeFit.fit(series(0, 0.8, 5), 300, DAY));
        assertTrue(e.getMessage().contains("too few to estimate"), e.getMessage());
    }
}
