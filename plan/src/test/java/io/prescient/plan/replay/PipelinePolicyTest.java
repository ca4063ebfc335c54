package io.prescient.plan.replay;

import io.prescient.core.TimeGrid;
import io.prescient.forecast.FittedModel;
import io.prescient.forecast.Forecaster;
import io.prescient.forecast.History;
import io.prescient.forecast.model.SeasonalNaiveForecaster;
import io.prescient.plan.capacity.CapacityModel;
import io.prescient.plan.capacity.CapacityPlanner;
import io.prescient.plan.loop.LoopSettings;
import io.prescient.plan.loop.PlanningStep;
import io.prescient.plan.montecarlo.SimulationSettings;
import io.prescient.plan.scenario.ScenarioSet;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The loop's planning step as a replay family: no look-ahead, percentiles ordered, the loop's hold on bad data. */
class PipelinePolicyTest {

    private static final ReplaySettings SETTINGS = new ReplaySettings(2, 200);
    private static final TimeGrid GRID = new TimeGrid(1_375_315_200L, 300, 400);

    private static double[] demand(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] d = new double[GRID.length()];
        for (int t = 0; t < d.length; t++) {
            d[t] = 100 + 30 * Math.sin(2 * Math.PI * t / 48) + 5 * r.nextGaussian();
        }
        return d;
    }

    private static PipelinePolicy policy(int every) {
        PlanningStep step = new PlanningStep(new SeasonalNaiveForecaster(48), ScenarioSet.baseline(),
                new CapacityPlanner(new CapacityModel(1, 1, 0, 1_000_000, 1_000_000, 0, 0, false)),
                new LoopSettings(8, 0.95, 48, 6, 0.2, SimulationSettings.of(500, 1)));
        return new PipelinePolicy(step, new double[] {0.5, 0.9, 0.99}, GRID, every, 400, SETTINGS.lead());
    }

    @Test
    void aDecisionSeesOnlyTheDemandBeforeItsLead() {
        double[] d = demand(1);
        double[][] c = policy(1).capacities(d, SETTINGS);
        int t = 290;
        double[] changed = d.clone();
        for (int s = t - SETTINGS.lead() + 1; s < changed.length; s++) {
            changed[s] *= 3;
        }
        double[][] after = policy(1).capacities(changed, SETTINGS);
        for (int m = 0; m < c.length; m++) {
            for (int s = SETTINGS.warmup(); s <= t; s++) {
                assertEquals(c[m][s], after[m][s], 0.0, "member " + m + " step " + s + " moved with demand after its decision");
            }
        }
        assertTrue(after[1][t + 6] != c[1][t + 6], "later capacity follows the changed demand");
    }

    @Test
    void higherPercentilesCostMoreAndViolateLess() {
        List<MemberScore> scores = new Replay(List.of(policy(1)), SETTINGS, 1).run(List.of(new DemandTrace("a", demand(2)),
                new DemandTrace("b", demand(3))), n -> { });
        assertEquals(3, scores.size());
        assertTrue(scores.get(0).costRatio() < scores.get(1).costRatio() && scores.get(1).costRatio() < scores.get(2).costRatio(),
                scores.toString());
        assertTrue(scores.get(2).violationRate() < scores.get(0).violationRate(), scores.toString());
        assertTrue(scores.get(0).violationRate() > 0.3 && scores.get(2).violationRate() < 0.1, "the median misses half the time, P99 "
                + "rarely: " + scores);
    }

    /** Seasonal naive, noting where each history it is fitted on starts and ends. */
    record Noting(List<TimeGrid> seen) implements Forecaster {

        @Override
        public String name() {
            return "noting";
        }

        @Override
        public FittedModel fit(History history) {
            seen.add(history.grid());
            return new SeasonalNaiveForecaster(48).fit(history);
        }
    }

    @Test
    void theHistoryStartsMoveOnWholeHoursOnlySoARoundsWorkIsReusedWithinTheHour() {
        List<TimeGrid> seen = new ArrayList<>();
        PlanningStep step = new PlanningStep(new Noting(seen), ScenarioSet.baseline(),
                new CapacityPlanner(new CapacityModel(1, 1, 0, 1_000_000, 1_000_000, 0, 0, false)),
                new LoopSettings(8, 0.95, 48, 6, 0.2, SimulationSettings.of(50, 1)));
        new PipelinePolicy(step, new double[] {0.9}, GRID, 1, 100, SETTINGS.lead()).capacities(demand(4), SETTINGS);
        assertEquals(201, seen.size(), "one fit a round, from step 197 to 397");
        for (int i = 1; i < seen.size(); i++) {
            TimeGrid before = seen.get(i - 1);
            TimeGrid g = seen.get(i);
            assertTrue(g.length() >= 100 && g.length() < 100 + 12, "at least maxHistory, at most an hour more: " + g);
            boolean hour = Math.floorMod(g.end(), 3600L) == 0;
            assertEquals(hour, g.start() != before.start(), "the start moves exactly when the history reaches a whole hour: " + g);
        }
    }

    @Test
    void aHorizonShorterThanTheLeadAndARoundIsRefused() {
        PlanningStep step = new PlanningStep(new SeasonalNaiveForecaster(48), ScenarioSet.baseline(),
                new CapacityPlanner(new CapacityModel(1, 1, 0, 1_000_000, 1_000_000, 0, 0, false)),
                new LoopSettings(3, 0.95, 48, 6, 0.2, SimulationSettings.of(100, 1)));
        assertThrows(IllegalArgumentException.class, () -> new PipelinePolicy(step, new double[] {0.9}, GRID, 6, 400, 2));
    }
}
