package io.prescient.plan.loop;

import io.prescient.core.TimeGrid;
import io.prescient.forecast.History;
import io.prescient.forecast.model.SeasonalNaiveForecaster;
import io.prescient.plan.capacity.CapacityModel;
import io.prescient.plan.capacity.CapacityPlanner;
import io.prescient.plan.montecarlo.SimulationSettings;
import io.prescient.plan.scenario.IncidentRemoved;
import io.prescient.plan.scenario.LaunchAdded;
import io.prescient.plan.scenario.ScenarioSet;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * History-editing scenarios change what the model is fitted on: a past incident removed takes the
 * plan back to the ordinary day, a launch added raises it by the launch's uplift, both through the
 * model (a seasonal naive one, whose forecast is yesterday, so the expected effect is exact).
 */
class HistoryEditTest {

    private static final int DAY = 24;
    private static final long START = 1_375_315_200L;

    /** Ten days of a daily cycle around 100, with a runaway job at 5x in the last day's hours 3 to 6. */
    private static History history() {
        SplittableRandom r = new SplittableRandom(7);
        double[] y = new double[DAY * 10];
        for (int t = 0; t < y.length; t++) {
            y[t] = 100 * (1 + 0.3 * Math.sin(2 * Math.PI * (t % DAY) / DAY)) * (1 + 0.01 * r.nextGaussian());
            if (t >= y.length - DAY + 3 && t < y.length - DAY + 7) {
                y[t] *= 5;
            }
        }
        return History.of(new TimeGrid(START, 3600, y.length), y, true);
    }

    private static PlanningStep step() {
        return new PlanningStep(new SeasonalNaiveForecaster(DAY), ScenarioSet.baseline(),
                new CapacityPlanner(new CapacityModel(1, 1, 1, 100_000, 100_000, 0, 0, true)),
                new LoopSettings(DAY, 0.95, DAY, 6, 0.2, SimulationSettings.defaults()));
    }

    private static double[] p95(PlanningStep step, History h, ScenarioSet set) {
        return step.simulate(h, set).simulation().percentile(0.95);
    }

    @Test
    void aRemovedIncidentTakesThePlanBackToAnOrdinaryDay() {
        History h = history();
        long lastDay = h.grid().timeAt(h.length() - DAY);
        ScenarioSet removed = new ScenarioSet("clean", List.of(new IncidentRemoved("runaway job", "demand",
                lastDay + 3 * 3600, lastDay + 7 * 3600)));
        double[] asRecorded = p95(step(), h, ScenarioSet.baseline());
        double[] cleaned = p95(step(), h, removed);
        for (int hour = 3; hour < 7; hour++) {
            assertTrue(asRecorded[hour] > 3 * cleaned[hour], "hour " + hour + ": " + asRecorded[hour] + " vs " + cleaned[hour]);
            double ordinary = 100 * (1 + 0.3 * Math.sin(2 * Math.PI * hour / DAY));
            assertEquals(ordinary, cleaned[hour], 0.15 * ordinary, "hour " + hour);
        }
        double recordedMedian = step().simulate(h, ScenarioSet.baseline()).forecast().median()[12];
        double cleanedMedian = step().simulate(h, removed).forecast().median()[12];
        assertEquals(recordedMedian, cleanedMedian, 1e-9, "the median outside the incident is unchanged");
        assertTrue(cleaned[12] < asRecorded[12], "and its spread no longer carries the incident: " + cleaned[12] + " vs " + asRecorded[12]);
        assertTrue(step().reach(removed, java.util.Set.of()).get(0).contains("edits the demand's history"));
    }

    @Test
    void anAddedLaunchRaisesThePlanByItsUplift() {
        History h = history();
        long at = h.grid().timeAt(h.length() - 2 * DAY);
        ScenarioSet launched = new ScenarioSet("launch", List.of(new LaunchAdded("v2 launch", "demand", at, 0.5, 6 * 3600L)));
        double[] before = p95(step(), h, ScenarioSet.baseline());
        double[] after = p95(step(), h, launched);
        for (int hour = 8; hour < DAY; hour++) {
            assertEquals(1.5, after[hour] / before[hour], 0.02, "hour " + hour);
        }
    }
}
