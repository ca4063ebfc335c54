package io.prescient.plan.loop;

import io.prescient.core.TimeGrid;
import io.prescient.forecast.FittedModel;
import io.prescient.forecast.Forecast;
import io.prescient.forecast.Forecaster;
import io.prescient.forecast.History;
import io.prescient.forecast.model.SeasonalNaiveForecaster;
import io.prescient.plan.capacity.CapacityModel;
import io.prescient.plan.capacity.CapacityPlanner;
import io.prescient.plan.scenario.ScenarioSet;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanningLoopTest {

    private static final int DAY = 288;
    private static final LoopSettings SETTINGS = new LoopSettings(12, 0.95, 288, 6, 0.2,
            io.prescient.plan.montecarlo.SimulationSettings.defaults().withPaths(500));
    private static final CapacityPlanner PLANNER = new CapacityPlanner(new CapacityModel(10, 0.7, 1, 100, 5, 3, 2, true));

    private static double[] demand(long seed, int days) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] d = new double[days * DAY];
        for (int t = 0; t < d.length; t++) {
            d[t] = 100 + 50 * Math.sin(2 * Math.PI * t / DAY) + 5 * r.nextGaussian();
        }
        return d;
    }

    private static PlanningStep step(Forecaster f) {
        return new PlanningStep(f, ScenarioSet.baseline(), PLANNER, SETTINGS);
    }

    /** Throws on every fit. */
    private record Broken() implements Forecaster {
        @Override
        public String name() {
            return "broken";
        }

        @Override
        public FittedModel fit(History history) {
            throw new IllegalStateException("model file is corrupt");
        }
    }

    @Test
    void faultsHoldTheCapacityAndSayWhy() {
        double[] d = demand(1, 4);
        double[] stopped = d.clone();
        Arrays.fill(stopped, 3 * DAY, stopped.length, Double.NaN);
        double[] burst = d.clone();
        for (int t = 3 * DAY - 100; t < 3 * DAY + 100; t += 2) {
            burst[t] = Double.NaN;
        }
        TimeGrid grid = new TimeGrid(0, 300, d.length);
        List<SimulatedClockLoop.Workload> workloads = List.of(
                new SimulatedClockLoop.Workload("healthy", grid, d, true, step(new SeasonalNaiveForecaster(DAY)), 10, 2 * DAY, 4 * DAY),
                new SimulatedClockLoop.Workload("stops", grid, stopped, true, step(new SeasonalNaiveForecaster(DAY)), 10, 2 * DAY, 4 * DAY),
                new SimulatedClockLoop.Workload("burst", grid, burst, true, step(new SeasonalNaiveForecaster(DAY)), 10, 2 * DAY, 4 * DAY),
                new SimulatedClockLoop.Workload("throws", grid, d, true, step(new Broken()), 10, 2 * DAY, 4 * DAY));
        List<String> log = new ArrayList<>();
        SimulatedClockLoop.Result r = new SimulatedClockLoop().run(workloads, 12, new DryRunActuator(log::add),
                Recording.none());
        assertEquals(4 * 48, r.decisions().size());
        assertEquals(4 * 48, log.size());
        assertTrue(r.decisions().stream().filter(x -> x.workload().equals("healthy")).noneMatch(Decision::held));
        assertTrue(r.decisions().stream().filter(x -> x.workload().equals("healthy")).anyMatch(Decision::changes));
        Decision stoppedLate = last(r, "stops");
        assertTrue(stoppedLate.held() && stoppedLate.reason().contains("no data for the last"), stoppedLate.reason());
        assertTrue(r.decisions().stream().anyMatch(x -> x.workload().equals("burst") && x.held()
                && x.reason().contains("of the last day is missing")));
        Decision thrown = last(r, "throws");
        assertTrue(thrown.held() && thrown.reason().contains("model file is corrupt"), thrown.reason());
        assertEquals(10, thrown.units());
        assertTrue(log.stream().anyMatch(line -> line.contains("HOLD") && line.contains("throws")));
    }

    @Test
    void aReplayWhoseStoreFailsHoldsThoseRoundsActuatesNothingAndGoesOn() {
        double[] d = demand(2, 4);
        TimeGrid grid = new TimeGrid(0, 300, d.length);
        List<io.prescient.core.store.PlanningJournal.Step> kept = new ArrayList<>();
        int[] calls = new int[1];
        List<io.prescient.core.store.PlanningJournal.Actuation> actuations = new ArrayList<>();
        io.prescient.core.store.PlanningJournal flaky = new io.prescient.core.store.PlanningJournal() {
            @Override
            public void record(Step step) {
                calls[0]++;
                // the disk is full from the 10th to the 20th write attempt
                if (calls[0] >= 10 && calls[0] < 20) {
                    throw new io.prescient.core.store.StoreException("No space left on device");
                }
                kept.add(step);
            }

            @Override
            public void actuated(Step step, Actuation outcome, String detail) {
                actuations.add(outcome);
            }

            @Override
            public List<Step> steps(String runId) {
                return kept;
            }

            @Override
            public java.util.Optional<Step> latest(String workload) {
                return kept.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(kept.get(kept.size() - 1));
            }

            @Override
            public java.util.Optional<Step> latestChange(String workload) {
                return java.util.Optional.empty();
            }

            @Override
            public List<Step> recent(String workload, int limit) {
                return kept;
            }
        };
        List<Decision> actuated = new ArrayList<>();
        SimulatedClockLoop.Cursor cursor = new SimulatedClockLoop().start(new SimulatedClockLoop.Workload("w", grid, d, true,
                step(new SeasonalNaiveForecaster(DAY)), 10, 2 * DAY, 4 * DAY), 12);
        List<LoopRound> rounds = new ArrayList<>();
        while (cursor.hasNext()) {
            rounds.add(cursor.next(actuated::add, new Recording("replay", "dry-run", java.util.Optional.of(flaky))));
        }
        List<LoopRound> faulted = rounds.stream().filter(r -> r.fault().isPresent()).toList();
        assertTrue(faulted.size() >= 2, "the rounds the store refused carry the fault: " + faulted.size());
        assertTrue(faulted.stream().allMatch(r -> r.outcome().decision().held()
                && r.outcome().decision().reason().contains("nothing actuated")), faulted.get(0).outcome().decision().reason());
        assertEquals(48, rounds.size(), "the replay went on to the end");
        assertEquals(48 - faulted.size(), actuated.size(), "nothing unrecorded was actuated");
        assertEquals(actuated.size(), kept.size());
        assertEquals(java.util.Collections.nCopies(actuated.size(), io.prescient.core.store.PlanningJournal.Actuation.APPLIED), actuations,
                "each recorded decision's outcome is recorded after it was actuated");
    }

    private static Decision last(SimulatedClockLoop.Result r, String workload) {
        return r.decisions().stream().filter(x -> x.workload().equals(workload)).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void recordedAccuracyIsTheSameAsForecastingTheOriginsSeparately() {
        double[] d = demand(2, 4);
        TimeGrid grid = new TimeGrid(0, 300, d.length);
        SeasonalNaiveForecaster model = new SeasonalNaiveForecaster(DAY);
        SimulatedClockLoop.Result r = new SimulatedClockLoop().run(List.of(
                new SimulatedClockLoop.Workload("w", grid, d, true, step(model), 10, 2 * DAY, 3 * DAY)), 12, x -> { },
                Recording.none());
        double error = 0;
        int covered = 0;
        int n = 0;
        History full = History.of(grid, d, true);
        for (int t = 2 * DAY; t < 3 * DAY; t += 12) {
            Forecast f = model.fit(full.head(t)).forecast(12);
            for (int h = 0; h < 12; h++) {
                error += Math.abs(d[t + h] - f.median()[h]);
                covered += d[t + h] <= f.quantile(0.95)[h] ? 1 : 0;
                n++;
            }
        }
        Accuracy a = r.accuracy().get("w");
        assertEquals(24, a.forecasts());
        assertEquals(error / n, a.meanAbsoluteError(), 1e-9);
        assertEquals((double) covered / n, a.coverage(), 1e-12);
    }

    @Test
    void aLevelShiftTheModelMissesRaisesADriftEvent() {
        double[] d = demand(3, 5);
        for (int t = 3 * DAY; t < d.length; t++) {
            d[t] += 150;
        }
        TimeGrid grid = new TimeGrid(0, 300, d.length);
        List<String> handled = new ArrayList<>();
        DriftHandler switchToNaive = (workload, history, current) -> {
            handled.add(workload + " at " + history.grid().end() + " was " + current.id());
            return new DriftHandler.Response(io.prescient.forecast.registry.ServedModel.unregistered(new io.prescient.forecast.model.NaiveForecaster()), "switched to naive");
        };
        SimulatedClockLoop.Result r = new SimulatedClockLoop(12, 0.85, switchToNaive).run(List.of(
                new SimulatedClockLoop.Workload("w", grid, d, true, step(new SeasonalNaiveForecaster(DAY)), 10, 2 * DAY, 5 * DAY)),
                12, x -> { }, Recording.none());
        assertFalse(r.drifts().isEmpty());
        Drift first = r.drifts().get(0);
        assertTrue(first.time() > grid.timeAt(3 * DAY) && first.time() < grid.timeAt(4 * DAY), "drift at " + first.time());
        assertTrue(first.coverage() < 0.85);
        assertEquals("switched to naive", first.action());
        assertTrue(handled.get(0).endsWith("was seasonal-naive"), handled.get(0));
    }

    @Test
    void theFileActuatorAppendsOneJsonLinePerDecision(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("actions.jsonl");
        FileActuator actuator = new FileActuator(file);
        actuator.apply(Decision.hold("w", 0, 3, "no data"));
        actuator.apply(Decision.hold("w", 300, 3, "no data"));
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).contains("\"time\":\"1970-01-01T00:05:00Z\""), lines.get(1));
        assertFalse(lines.get(0).isBlank());
    }
}
