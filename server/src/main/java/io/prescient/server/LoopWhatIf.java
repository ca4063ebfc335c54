package io.prescient.server;

import io.prescient.forecast.Forecast;
import io.prescient.forecast.Forecaster;
import io.prescient.forecast.History;
import io.prescient.plan.capacity.CapacityPlanner;
import io.prescient.plan.config.LoopWorkloads;
import io.prescient.plan.montecarlo.MonteCarlo;
import io.prescient.plan.montecarlo.Simulation;
import io.prescient.plan.montecarlo.SimulationSettings;
import io.prescient.plan.scenario.ScenarioSet;
import io.prescient.server.api.WhatIf;
import io.prescient.server.state.FleetState;
import io.prescient.server.state.WorkloadSnapshot;

import java.util.Map;

/**
 * What-if runs as of the loop's latest round: the workload's history up to the loop's clock, the
 * config's model and capacity rules, the config's scenarios as the baseline against the request's.
 */
final class LoopWhatIf implements WhatIf {

    private static final double[] LEVELS = {0.1, 0.5, 0.9, 0.95, 0.99};

    private final Map<String, LoopWorkloads.Selected> workloads;
    private final Forecaster forecaster;
    private final ScenarioSet baseline;
    private final Baseline baselineText;
    private final int horizon;
    private final FleetState state;

    LoopWhatIf(Map<String, LoopWorkloads.Selected> workloads, Forecaster forecaster, ScenarioSet baseline, String baselineYaml,
               int horizon, FleetState state) {
        this.workloads = Map.copyOf(workloads);
        this.forecaster = forecaster;
        this.baseline = baseline;
        this.baselineText = new Baseline(baseline.name(), baselineYaml);
        this.horizon = horizon;
        this.state = state;
    }

    @Override
    public Baseline baseline() {
        return baselineText;
    }

    @Override
    public Result run(String workload, ScenarioSet alternative, double percentile, int paths) {
        LoopWorkloads.Selected selected = workloads.get(workload);
        WorkloadSnapshot now = state.workload(workload).orElse(null);
        if (selected == null || now == null) {
            throw new IllegalArgumentException("no workload '" + workload + "'; GET /api/workloads lists them");
        }
        History full = selected.history();
        int end = (int) Math.min(full.length(), selected.series().grid().indexOf(now.now()) + 1);
        History history = full.head(end);
        Forecast forecast = forecaster.fit(history).forecast(horizon);
        MonteCarlo engine = new MonteCarlo(new SimulationSettings(paths, 42, 0.9, 16, 1));
        Simulation a = engine.run(forecast, baseline);
        Simulation b = engine.run(forecast, alternative);
        CapacityPlanner planner = new CapacityPlanner(selected.capacity());
        io.prescient.plan.capacity.WhatIf w = io.prescient.plan.capacity.WhatIf.compare(planner, a, b, percentile, now.units(), 0);
        long[] times = new long[horizon];
        for (int h = 0; h < horizon; h++) {
            times[h] = forecast.grid().timeAt(h);
        }
        double[][] qa = new double[LEVELS.length][];
        double[][] qb = new double[LEVELS.length][];
        for (int i = 0; i < LEVELS.length; i++) {
            qa[i] = a.percentile(LEVELS[i]);
            qb[i] = b.percentile(LEVELS[i]);
        }
        double[] peak = b.percentile(0.5);
        int at = 0;
        for (int h = 1; h < peak.length; h++) {
            at = peak[h] > peak[at] ? h : at;
        }
        double[] finalDemand = new double[b.pathCount()];
        for (int i = 0; i < finalDemand.length; i++) {
            finalDemand[i] = b.path(i)[at];
        }
        return new Result(workload, baseline.name(), alternative.name(), percentile, paths, times, LEVELS.clone(), qa, qb,
                w.baseline().capacity(), w.alternative().capacity(), w.extraUnitHours(), w.riskOfKeepingAnyStep(), finalDemand);
    }
}
