package io.prescient.server;

import io.prescient.plan.LoopAssembly;
import io.prescient.plan.loop.LoopRound;
import io.prescient.plan.loop.PlanningStep;
import io.prescient.plan.montecarlo.Simulation;
import io.prescient.plan.scenario.ScenarioSet;
import io.prescient.server.api.WhatIf;
import io.prescient.server.state.FleetState;
import io.prescient.server.state.ServedLoop;
import io.prescient.server.state.WorkloadSnapshot;

import java.util.Optional;

/**
 * What-if runs as of the loop's latest round, through {@link LoopAssembly#whatIf}: the history that
 * round saw and the planning step it ran (its model as served, its scenarios as the baseline, its
 * capacity rules and Monte Carlo settings) against the request's scenarios, at the request's
 * percentile or the loop's, on either clock.
 */
final class LoopWhatIf implements WhatIf {

    private static final double[] LEVELS = {0.1, 0.5, 0.9, 0.95, 0.99};

    private final Baseline baselineText;
    private final ServedLoop loop;
    private final FleetState state;

    LoopWhatIf(ScenarioSet baseline, String baselineYaml, ServedLoop loop, FleetState state) {
        this.baselineText = new Baseline(baseline.name(), baselineYaml);
        this.loop = loop;
        this.state = state;
    }

    @Override
    public Baseline baseline() {
        return baselineText;
    }

    @Override
    public Result run(String workload, ScenarioSet alternative, double percentile, int paths) {
        Optional<LoopRound> latest = loop.latest(workload);
        Optional<WorkloadSnapshot> now = state.workload(workload);
        if (latest.isEmpty() || now.isEmpty()) {
            throw new IllegalArgumentException("no workload '" + workload + "'; GET /api/workloads lists them");
        }
        PlanningStep step = latest.get().step();
        double p = Double.isNaN(percentile) ? step.percentile() : percentile;
        LoopAssembly.WhatIfRun run;
        try {
            run = LoopAssembly.whatIf(step, latest.get().seen(), alternative, p, paths, now.get().units(),
                    now.get().costs().pricing().unitPrice());
        } catch (PlanningStep.ModelFailure e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Simulation a = run.baseline().simulation();
        Simulation b = run.alternative().simulation();
        int horizon = a.grid().length();
        long[] times = new long[horizon];
        for (int h = 0; h < horizon; h++) {
            times[h] = a.grid().timeAt(h);
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
        io.prescient.plan.capacity.WhatIf w = run.comparison();
        return new Result(workload, step.scenarios().name(), alternative.name(), p, paths, times, LEVELS.clone(), qa, qb,
                w.baseline().capacity(), w.alternative().capacity(), w.extraUnitHours(), w.riskOfKeepingAnyStep(), finalDemand,
                w.extraCost(), now.get().costs().pricing().currency());
    }
}
