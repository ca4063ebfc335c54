package io.prescient.plan.replay;

import io.prescient.core.TimeGrid;
import io.prescient.forecast.History;
import io.prescient.plan.loop.PlanningStep;
import io.prescient.plan.montecarlo.Simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The product's own pipeline as a replay family: every {@code every} steps, the loop's
 * {@link PlanningStep} (the configured model fitted on the history up to now, {@code maxHistory} steps
 * back from the last whole hour, its simulated futures under the configured scenarios) sets the capacity
 * of the next {@code every} steps from the lead on, at each swept percentile of the simulated demand
 * of those steps (continuous capacity, as the protocol scores). One simulation per round serves
 * every member. A round whose data the loop would not plan from, or whose model fails, keeps the
 * capacity in place, as the loop holds.
 */
public final class PipelinePolicy implements PolicyFamily {

    private final PlanningStep step;
    private final double[] percentiles;
    private final TimeGrid grid;
    private final int every;
    private final int maxHistory;

    /**
     * @param grid the traces' common grid (the calendar the model sees)
     * @throws IllegalArgumentException when the step's horizon does not reach a round's last step past the lead
     */
    public PipelinePolicy(PlanningStep step, double[] percentiles, TimeGrid grid, int every, int maxHistory, int lead) {
        if (step.settings().horizon() < lead + every - 1) {
            throw new IllegalArgumentException("the horizon (" + step.settings().horizon() + " steps) must reach the lead plus a round ("
                    + (lead + every - 1) + " steps)");
        }
        this.step = step;
        this.percentiles = percentiles.clone();
        this.grid = grid;
        this.every = every;
        this.maxHistory = maxHistory;
    }

    @Override
    public String name() {
        return "pipeline";
    }

    @Override
    public List<String> members() {
        List<String> out = new ArrayList<>();
        for (double p : percentiles) {
            out.add(String.format(Locale.ROOT, "%s p=%s", step.model().id(), p));
        }
        return out;
    }

    @Override
    public double[][] capacities(double[] demand, ReplaySettings settings) {
        int n = demand.length;
        int lead = settings.lead();
        double[][] out = new double[percentiles.length][n];
        for (double[] c : out) {
            java.util.Arrays.fill(c, 0, Math.min(n, settings.warmup()), 0);
        }
        double[] held = new double[percentiles.length];
        java.util.Arrays.fill(held, demand[Math.max(0, settings.warmup() - lead - 1)]);
        for (int t = settings.warmup() - lead - 1; t + lead < n; t += every) {
            int from = grid.lookbackStart(t + 1, maxHistory);
            History history = History.of(new TimeGrid(grid.timeAt(from), grid.stepSeconds(), t + 1 - from),
                    java.util.Arrays.copyOfRange(demand, from, t + 1), true);
            Simulation futures = null;
            if (step.dataProblem(history).isEmpty()) {
                try {
                    futures = step.simulate(history, step.scenarios()).simulation();
                } catch (PlanningStep.ModelFailure holds) {
                    futures = null;
                }
            }
            for (int m = 0; m < percentiles.length; m++) {
                double[] q = futures == null ? null : futures.percentile(percentiles[m]);
                for (int k = 0; k < every && t + lead + k < n; k++) {
                    double c = q == null ? held[m] : q[lead - 1 + k];
                    out[m][t + lead + k] = c;
                    held[m] = c;
                }
            }
        }
        return out;
    }
}
