package io.prescient.plan.loop;

import io.prescient.core.TimeGrid;
import io.prescient.core.store.PlanningJournal;
import io.prescient.forecast.History;
import io.prescient.forecast.model.NaiveForecaster;
import io.prescient.plan.capacity.CapacityModel;
import io.prescient.plan.capacity.CapacityPlanner;
import io.prescient.plan.montecarlo.SimulationSettings;
import io.prescient.plan.scenario.ScenarioSet;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveRoundTest {

    /** The journal in memory. */
    private static final class Memory implements PlanningJournal {
        final List<Step> steps = new ArrayList<>();

        @Override
        public void record(Step step) {
            steps.add(step);
        }

        @Override
        public List<Step> steps(String runId) {
            return steps.stream().filter(s -> s.runId().equals(runId)).toList();
        }

        @Override
        public Optional<Step> latest(String workload) {
            return steps.stream().filter(s -> s.workload().equals(workload)).reduce((a, b) -> b);
        }

        @Override
        public Optional<Step> latestChange(String workload) {
            return steps.stream().filter(s -> s.workload().equals(workload) && s.units() != s.fromUnits()).reduce((a, b) -> b);
        }
    }

    private static final TimeGrid GRID = new TimeGrid(0, 300, 600);
    private final PlanningStep step = new PlanningStep(new NaiveForecaster(), ScenarioSet.baseline(),
            new CapacityPlanner(new CapacityModel(10, 1, 1, 100, 100, 0, 0, true)),
            new LoopSettings(6, 0.95, 288, 6, 0.2, SimulationSettings.defaults().withPaths(500)));

    private static History flat(double level, int length) {
        double[] y = new double[length];
        Arrays.fill(y, level);
        return History.of(new TimeGrid(0, 300, length), y, true);
    }

    @Test
    void aRoundStartsFromTheUnitsTheLastRecordedDecisionLeft() {
        Memory journal = new Memory();
        SimulatedClockLoop.Recording recording = new SimulatedClockLoop.Recording("r1", "dry-run", Optional.of(journal));
        LiveRound round = new LiveRound(3);
        Decision first = round.run(List.of(new LiveRound.Workload("w", flat(95, 600), step, 1)), GRID.end(), d -> { }, recording).get(0);
        assertEquals(1, first.from());
        assertEquals(10, first.units());
        Decision second = round.run(List.of(new LiveRound.Workload("w", flat(95, 601), step, 1)), GRID.end() + 300, d -> { },
                recording).get(0);
        assertEquals(10, second.from());
        assertFalse(second.changes(), second.reason());
        assertEquals(2, journal.steps("r1").size());
        assertEquals(6, journal.steps("r1").get(0).median().length);
    }

    @Test
    void staleDataHoldsAndSaysWhy() {
        Memory journal = new Memory();
        SimulatedClockLoop.Recording recording = new SimulatedClockLoop.Recording("r1", "dry-run", Optional.of(journal));
        Decision d = new LiveRound(3).run(List.of(new LiveRound.Workload("w", flat(95, 600), step, 4)), GRID.end() + 3600,
                x -> { }, recording).get(0);
        assertTrue(d.held());
        assertEquals(4, d.units());
        assertTrue(d.reason().contains("stale"), d.reason());
        assertEquals(1, journal.steps.size());
    }
}
