package io.prescient.plan.replay;

import java.util.Arrays;

/**
 * Prescient's short-lead demand model for provisioning, run online along a trace. Each candidate
 * point forecast of the demand {@code lead} steps ahead (the peak of the last w steps, for each w in
 * {@code peakWindows}) gets a band from the empirical quantiles of its own last {@code errorWindow}
 * errors. The errors are conformal: each was out of sample when made, so every candidate's
 * p-quantile covers about a share p of steps, per series. Per series and level, the candidate with
 * the lowest quantile (pinball) loss at that level over the error window is used: a proper score,
 * so the narrowest band wins only if it kept its coverage.
 *
 * @param peakWindows candidate point forecasts: the maximum of the last w steps
 * @param errorWindow errors kept for the quantiles, and steps over which candidates are compared
 */
public record LeadTimeQuantiles(int[] peakWindows, int errorWindow) {

    /** Defaults: peaks of the last 1, 3, 12, 36 and 72 steps; errors of the last week (2,016 five-minute steps). */
    public static final LeadTimeQuantiles DEFAULTS = new LeadTimeQuantiles(new int[] {1, 3, 12, 36, 72}, 2016);

    /** @throws IllegalArgumentException without a peak window, for a window below 1, or an error window below 10 */
    public LeadTimeQuantiles {
        peakWindows = peakWindows.clone();
        if (peakWindows.length == 0 || Arrays.stream(peakWindows).anyMatch(w -> w < 1) || errorWindow < 10) {
            throw new IllegalArgumentException("peak windows of at least 1 step and an error window of at least 10 are needed");
        }
    }

    @Override
    public int[] peakWindows() {
        return peakWindows.clone();
    }

    /**
     * The capacity each level asks for at every step: {@code result[k][t]} is the {@code levels[k]}
     * quantile of the demand at t, forecast from the demand up to {@code t - lead}.
     */
    public double[][] along(double[] demand, int lead, double[] levels) {
        int n = demand.length;
        int b = peakWindows.length;
        double[][] peaks = new double[b][];
        SortedWindow[] errors = new SortedWindow[b];
        for (int i = 0; i < b; i++) {
            peaks[i] = SlidingMax.of(demand, peakWindows[i]);
            errors[i] = new SortedWindow(errorWindow);
        }
        double[][][] candidate = new double[levels.length][b][n];
        double[][][] loss = new double[levels.length][b][n];
        double[][] recentLoss = new double[levels.length][b];
        double[][] out = new double[levels.length][n];
        for (int s = 0; s < n; s++) {
            int made = s - lead;
            if (made >= 0) {
                for (int i = 0; i < b; i++) {
                    errors[i].add(demand[s] - peaks[i][made]);
                    for (int k = 0; k < levels.length; k++) {
                        double diff = demand[s] - candidate[k][i][s];
                        loss[k][i][s] = Math.max(levels[k] * diff, (levels[k] - 1) * diff);
                        recentLoss[k][i] += loss[k][i][s] - (s >= errorWindow ? loss[k][i][s - errorWindow] : 0);
                    }
                }
            }
            int t = s + lead;
            if (t >= n) {
                continue;
            }
            for (int k = 0; k < levels.length; k++) {
                int best = 0;
                for (int i = 0; i < b; i++) {
                    double q = errors[i].size() == 0 ? 0 : errors[i].quantile(levels[k]);
                    candidate[k][i][t] = Math.max(0, peaks[i][s] + q);
                    if (recentLoss[k][i] < recentLoss[k][best]) {
                        best = i;
                    }
                }
                out[k][t] = candidate[k][best][t];
            }
        }
        for (int k = 0; k < levels.length; k++) {
            for (int t = 0; t < Math.min(lead, n); t++) {
                out[k][t] = out[k][Math.min(lead, n - 1)];
            }
        }
        return out;
    }
}
