package io.prescient.feedback.history;

import io.prescient.feedback.forecast.DemandForecast;
import io.prescient.feedback.forecast.FeedbackForecaster;
import io.prescient.feedback.world.SupplyShocks;
import io.prescient.feedback.world.WorldParameters;
import io.prescient.feedback.world.WorldSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrganisationFitTest {

    @TempDir
    Path dir;

    private static WorldParameters world(double strength, long seed, int days, double target, double aggressiveness) {
        WorldParameters d = WorldParameters.defaults(strength, seed);
        return new WorldParameters(days, d.baseLevel(), d.trendPerDay(), d.weeklyAmplitude(), d.volatility(), d.launchesPerWeek(),
                d.launchSize(), d.warning(), d.emergency(), d.feedbackStrength(), d.delayIntercept(), d.delayPressure(),
                d.delayRiskAversion(), d.delayComplexity(), d.delayDays(), d.maxEfficiency(), d.efficiencyRate(), d.learningDays(),
                target, d.infraLookback(), aggressiveness, d.infraLeadDays(), d.shockProbability(), d.shockDays(), seed);
    }

    /** From date, demand, capacity and the launch counts only: the policy, its lead and lookback, slips and outages. */
    @Test
    void thePolicyIsRecoveredFromObservableColumnsWithSlipsAndOutagesUnrecorded() {
        WorldParameters p = world(0.5, 4, 300, 0.7, 0.45);
        var w = new WorldSimulator(p, new SupplyShocks(0.01, 0.25, 5, 0)).run(LocalDate.of(2026, 1, 1));
        assertTrue(w.history().stream().anyMatch(r -> r.capacityOutage() == 1) && w.history().stream().anyMatch(r -> r.deliveryShock() == 1),
                "the world has outages and slipped orders to infer");
        io.prescient.feedback.study.WorldBenchmark.write(dir.resolve("w"), w, false, LocalDate.of(2026, 1, 1));
        HistoryInputs in = HistoryInputs.read(dir.resolve("w"), Map.of(), null);
        OrganisationFit fit = OrganisationFit.fit(in.history(), in.calendar(), in.log(), OrganisationFit.Thresholds.defaults(), 50, 1);
        assertTrue(fit.policy().target().covers(0.7), fit.policy().target().toString());
        assertTrue(fit.policy().aggressiveness().covers(0.45), fit.policy().aggressiveness().toString());
        assertEquals(p.infraLeadDays(), fit.policy().leadDays());
        assertEquals(p.infraLookback(), fit.policy().lookback());
        int slipped = 0;
        int found = 0;
        for (int t = 0; t < w.history().size(); t++) {
            slipped += w.history().get(t).deliveryShock();
            found += w.history().get(t).deliveryShock() * fit.point().history().get(t).deliveryShock();
        }
        assertTrue(found >= 0.8 * slipped, found + " of " + slipped + " slipped orders inferred");
        assertEquals(50, fit.draws().size());
    }

    /** Efficiency and base demand estimated from demand alone land near the truth, and the forecast beats the naive one. */
    @Test
    void efficiencyIsEstimatedFromDemandAndTheForecastUsesIt() {
        WorldParameters p = world(0.5, 8, 330, 0.75, 0.3);
        var w = new WorldSimulator(p, new SupplyShocks(0.01, 0.25, 5, 0)).run(LocalDate.of(2026, 1, 1));
        io.prescient.feedback.study.WorldBenchmark.write(dir.resolve("e"), w, false, LocalDate.of(2026, 1, 1));
        HistoryInputs in = HistoryInputs.read(dir.resolve("e"), Map.of(), null).head(300);
        OrganisationFit fit = OrganisationFit.fit(in.history(), in.calendar(), in.log(), OrganisationFit.Thresholds.defaults(), 100, 2);
        double err = 0;
        for (int t = 0; t < 300; t++) {
            err += Math.abs(fit.point().history().get(t).efficiencyGains() - w.history().get(t).efficiencyGains());
        }
        assertTrue(err / 300 < 0.02, "mean absolute error of the efficiency path " + err / 300);
        double[] actual = w.history().subList(300, 330).stream().mapToDouble(io.prescient.feedback.world.HistoryRow::actualDemand).toArray();
        FeedbackForecaster f = new FeedbackForecaster(fit.point().facts(), 30, 200, 3);
        DemandForecast naive = f.naive(fit.point().history(), fit.calendar());
        DemandForecast aware = f.feedbackAware(fit.draws(), fit.calendar());
        assertTrue(aware.mape(actual) < 0.6 * naive.mape(actual), aware.mape(actual) + " vs naive " + naive.mape(actual));
    }

    /** Random worlds of any length, strength, policy and outage rate go through the fit and the forecast without an exception. */
    @Test
    void randomWorldsNeverThrow() {
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < 25; i++) {
            WorldParameters p = world(0.1 + 0.7 * r.nextDouble(), r.nextLong(), 30 + r.nextInt(400), 0.55 + 0.35 * r.nextDouble(),
                    0.05 + 0.9 * r.nextDouble());
            var w = new WorldSimulator(p, new SupplyShocks(0.03 * r.nextDouble(), 0.1 + 0.5 * r.nextDouble(), 1 + r.nextInt(10), 0))
                    .run(LocalDate.of(2026, 1, 1));
            Path world = dir.resolve("r" + i);
            io.prescient.feedback.study.WorldBenchmark.write(world, w, r.nextBoolean(), LocalDate.of(2026, 1, 1));
            assertDoesNotThrow(() -> {
                HistoryInputs in = HistoryInputs.read(world, Map.of(), null);
                OrganisationFit fit = OrganisationFit.fit(in.history(), in.calendar(), in.log(), OrganisationFit.Thresholds.defaults(),
                        20, 1);
                new FeedbackForecaster(fit.point().facts(), 30, 40, 1).feedbackAware(fit.draws(), fit.calendar());
            }, "world " + i + ": " + p);
        }
    }
}
