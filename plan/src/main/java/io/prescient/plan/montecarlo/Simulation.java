package io.prescient.plan.montecarlo;

import io.prescient.core.TimeGrid;

import java.util.Arrays;

/**
 * The simulated futures of one workload: {@code paths} demand paths over the horizon, with each
 * step's values sorted once so percentiles and exceedance probabilities are lookups.
 */
public final class Simulation {

    private final TimeGrid grid;
    private final double[][] paths;
    private final double[][] sortedSteps;

    Simulation(TimeGrid grid, double[][] paths) {
        this.grid = grid;
        this.paths = paths;
        this.sortedSteps = new double[grid.length()][paths.length];
        for (int h = 0; h < grid.length(); h++) {
            for (int i = 0; i < paths.length; i++) {
                sortedSteps[h][i] = paths[i][h];
            }
            Arrays.sort(sortedSteps[h]);
        }
    }

    public TimeGrid grid() {
        return grid;
    }

    public int pathCount() {
        return paths.length;
    }

    /** One path, copied. */
    public double[] path(int i) {
        return paths[i].clone();
    }

    /** The p-percentile of demand at every step (the smallest simulated value with a share p at or below it). */
    public double[] percentile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("percentile must be in (0, 1), got " + p);
        }
        int k = Math.max(0, Math.min(paths.length - 1, (int) Math.ceil(p * paths.length) - 1));
        double[] out = new double[grid.length()];
        for (int h = 0; h < out.length; h++) {
            out[h] = sortedSteps[h][k];
        }
        return out;
    }

    public double[] mean() {
        double[] out = new double[grid.length()];
        for (double[] path : paths) {
            for (int h = 0; h < out.length; h++) {
                out[h] += path[h] / paths.length;
            }
        }
        return out;
    }

    /** Per step, the probability that demand exceeds the capacity. */
    public double[] exceedance(double[] capacity) {
        double[] out = new double[grid.length()];
        for (int h = 0; h < out.length; h++) {
            int at = upperBound(sortedSteps[h], capacity[h]);
            out[h] = (double) (paths.length - at) / paths.length;
        }
        return out;
    }

    /** The probability that demand exceeds the capacity at one step or more of the horizon. */
    public double anyExceedance(double[] capacity) {
        int count = 0;
        for (double[] path : paths) {
            for (int h = 0; h < path.length; h++) {
                if (path[h] > capacity[h]) {
                    count++;
                    break;
                }
            }
        }
        return (double) count / paths.length;
    }

    private static int upperBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
