package io.prescient.cli;

import io.prescient.core.Panel;
import io.prescient.core.RegularSeries;
import io.prescient.core.TimeGrid;
import io.prescient.forecast.FittedModel;
import io.prescient.forecast.Forecast;
import io.prescient.forecast.Forecaster;
import io.prescient.forecast.History;
import io.prescient.forecast.Models;
import io.prescient.io.ingest.PanelSource;
import io.prescient.io.ingest.SourceFiles;
import io.prescient.io.read.Format;
import io.prescient.io.read.GwaReader;
import io.prescient.plan.capacity.CapacityModel;
import io.prescient.plan.capacity.CapacityPlanner;
import io.prescient.plan.loop.Accuracy;
import io.prescient.plan.loop.Decision;
import io.prescient.plan.loop.LoopSettings;
import io.prescient.plan.loop.PlanningStep;
import io.prescient.plan.loop.Recording;
import io.prescient.plan.loop.SimulatedClockLoop;
import io.prescient.plan.montecarlo.SimulationSettings;
import io.prescient.plan.scenario.ScenarioSet;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The planning loop on a simulated clock over 50 Bitbrains VMs for a week (hourly planning rounds,
 * 5-minute grid), with three injected faults: a VM whose data stops mid-week, a burst of missing
 * values, and a model that starts throwing. Those hold their capacity with a recorded reason, the
 * others never hold, and the recorded accuracy equals a separate rolling-origin evaluation of the
 * same model at the same origins. Skipped when ../shared is absent.
 */
class PlanningLoopIT {

    private static final int WEEK = 2016;
    private static final int EVERY = 12;
    private static final int HORIZON = 12;

    /** The ensemble, until the clock passes {@code failFrom}; then every fit throws. */
    private record FailingFrom(Forecaster inner, long failFrom) implements Forecaster {
        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public FittedModel fit(History history) {
            if (history.grid().end() > failFrom) {
                throw new IllegalStateException("injected fault: model artefact unreadable");
            }
            return inner.fit(history);
        }
    }

    @Test
    void fiftyVmsForAWeekSurviveInjectedFaults() {
        Path dir = ProtocolReferenceIT.sharedBitbrains();
        assumeTrue(dir != null, "../shared/data/bitbrains-rnd/2013-8 is absent; set -Dprescient.shared.data=<path>");
        Map<String, Panel> panels = PanelSource.fromFiles(SourceFiles.of(dir, Format.GWA), new GwaReader("2013-8"),
                m -> m.equals("cpu_usage_mhz"), 2);
        List<RegularSeries> series = panels.get("cpu_usage_mhz").series().subList(0, 50);
        Forecaster ensemble = Models.create("ensemble", 300, 288, HORIZON);
        LoopSettings settings = new LoopSettings(HORIZON, 0.95, 288, 6, 0.2, SimulationSettings.defaults().withPaths(500));
        int from = WEEK;
        int until = 2 * WEEK;
        List<SimulatedClockLoop.Workload> workloads = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            RegularSeries s = series.get(i);
            TimeGrid grid = s.grid();
            double[] demand = s.values();
            Forecaster model = ensemble;
            if (i == 0) {
                Arrays.fill(demand, from + WEEK / 2, demand.length, Double.NaN);
            } else if (i == 1) {
                for (int t = from + 1000; t < from + 1288; t += 2) {
                    demand[t] = Double.NaN;
                }
            } else if (i == 2) {
                model = new FailingFrom(ensemble, grid.timeAt(from + WEEK / 2));
            }
            CapacityPlanner planner = new CapacityPlanner(new CapacityModel(500, 0.7, 1, 1000, 20, 6, 2, true));
            workloads.add(new SimulatedClockLoop.Workload(s.key().item(), grid, demand, true,
                    new PlanningStep(model, ScenarioSet.baseline(), planner, settings), 2, from, until));
        }
        SimulatedClockLoop.Result r = new SimulatedClockLoop().run(workloads, EVERY, d -> { },
                Recording.none());

        assertEquals(50 * (WEEK / EVERY), r.decisions().size());
        assertTrue(holds(r, series.get(0).key().item()).stream().anyMatch(d -> d.reason().contains("no data for the last")));
        assertTrue(holds(r, series.get(1).key().item()).stream().anyMatch(d -> d.reason().contains("of the last day is missing")));
        assertTrue(holds(r, series.get(2).key().item()).stream().anyMatch(d -> d.reason().contains("injected fault")));
        for (int i = 3; i < 50; i++) {
            assertEquals(List.of(), holds(r, series.get(i).key().item()), series.get(i).key().item());
        }

        RegularSeries checked = series.get(10);
        History full = History.of(checked.grid(), checked.values(), true);
        double error = 0;
        int covered = 0;
        int n = 0;
        for (int t = from; t < until; t += EVERY) {
            Forecast f = ensemble.fit(full.head(t)).forecast(HORIZON);
            for (int h = 0; h < HORIZON && t + h < checked.values().length; h++) {
                double actual = checked.values()[t + h];
                if (!Double.isNaN(actual)) {
                    error += Math.abs(actual - f.median()[h]);
                    covered += actual <= f.quantile(0.95)[h] ? 1 : 0;
                    n++;
                }
            }
        }
        Accuracy recorded = r.accuracy().get(checked.key().item());
        assertEquals(n, recorded.points());
        assertEquals(error / n, recorded.meanAbsoluteError(), 1e-9);
        assertEquals((double) covered / n, recorded.coverage(), 1e-12);
    }

    private static List<Decision> holds(SimulatedClockLoop.Result r, String workload) {
        return r.decisions().stream().filter(d -> d.workload().equals(workload) && d.held()).toList();
    }
}
