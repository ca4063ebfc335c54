package io.prescient.forecast.model;

import io.prescient.core.TimeGrid;
import io.prescient.forecast.FittedModel;
import io.prescient.forecast.Forecast;
import io.prescient.forecast.Forecaster;
import io.prescient.forecast.History;
import io.prescient.forecast.QuantileTableForecast;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The distribution of the series' recent values, the same at every step ahead: a decaying histogram,
 * as the Kubernetes Vertical Pod Autoscaler's recommender keeps one. Each observed value of the last
 * {@code span} steps weighs {@code 2^(-age / halfLife)}, so the last half-life counts as much as all
 * before it. Where demand switches between regimes (a batch cluster busy for days, then idle), this
 * says how busy it has lately been, which neither a seasonal model nor a match of the last hour says;
 * it knows nothing of the time of day, so it is a member of mixtures ({@code ensemble&recent}) rather
 * than a model on its own. Missing values are skipped; a span with none observed gets the naive
 * forecast.
 */
public final class RecentForecaster implements Forecaster {

    /** Levels the forecast is tabulated at: 0.01, 0.02, ..., 0.99. */
    static final double[] LEVELS = EnsembleForecaster.LEVELS;

    private final int halfLife;
    private final int span;

    /**
     * @param halfLife steps after which a value weighs half as much
     * @param span     steps of history read, the most recent
     */
    public RecentForecaster(int halfLife, int span) {
        if (halfLife < 1 || span < 1) {
            throw new IllegalArgumentException("need a positive half-life and span, got " + halfLife + " and " + span);
        }
        this.halfLife = halfLife;
        this.span = span;
    }

    /** The registered {@code recent}: a half-life of one season over the last eight (VPA's day and eight days). */
    public static RecentForecaster daily(int season) {
        int halfLife = Math.max(1, season);
        return new RecentForecaster(halfLife, 8 * halfLife);
    }

    @Override
    public String name() {
        return "recent";
    }

    @Override
    public FittedModel fit(History history) {
        if (history.length() < 1) {
            throw new IllegalArgumentException("recent needs at least one step of history");
        }
        double[] y = history.target();
        int n = y.length;
        int from = Math.max(0, n - span);
        double[] values = new double[n - from];
        double[] weights = new double[n - from];
        int count = 0;
        double decay = Math.pow(2, -1.0 / halfLife);
        double weight = 1;
        for (int t = n - 1; t >= from; t--, weight *= decay) {
            if (!Double.isNaN(y[t])) {
                values[count] = y[t];
                weights[count++] = weight;
            }
        }
        NaiveForecaster.Fitted naive = count == 0 ? (NaiveForecaster.Fitted) new NaiveForecaster().fit(history) : null;
        double[] table = count == 0 ? null : weightedQuantiles(Arrays.copyOf(values, count), Arrays.copyOf(weights, count));
        double mean = count == 0 ? Double.NaN : weightedMean(values, weights, count);
        return new Fitted(history.grid(), table, mean, count, history.nonNegative(), naive, halfLife, span);
    }

    /** The histogram's quantiles, or the naive fit where the span had no observed value. */
    record Fitted(TimeGrid history, double[] quantiles, double mean, int observed, boolean nonNegative,
                  NaiveForecaster.Fitted naive, int halfLife, int span) implements FittedModel {

        @Override
        public Forecast forecast(int steps, Map<String, double[]> futureCovariates) {
            if (quantiles == null) {
                return naive.forecast(steps, "recent", nonNegative);
            }
            double[][] values = new double[steps][];
            double[] means = new double[steps];
            for (int h = 0; h < steps; h++) {
                values[h] = quantiles.clone();
                means[h] = mean;
            }
            return new QuantileTableForecast(Horizons.after(history, steps), "recent", LEVELS, values, means,
                    QuantileTableForecast.DEFAULT_PATH_CORRELATION);
        }

        @Override
        public Map<String, Object> parameters() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("half_life_steps", halfLife);
            p.put("span_steps", span);
            p.put("observed_steps", observed);
            return p;
        }
    }

    /**
     * Weighted quantiles at {@link #LEVELS}: the values sorted, each placed at the middle of its share
     * of the cumulative weight, linear between those places and flat beyond the first and last.
     */
    static double[] weightedQuantiles(double[] values, double[] weights) {
        int n = values.length;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        // each value's weight to a slot of its own in the sorted order (equal values are interchangeable),
        // a primitive sort and binary searches where sorting boxed indices cost most of the loop's round
        double[] sortedWeights = new double[n];
        int[] taken = new int[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            int first = firstAtLeast(sorted, values[i]);
            sortedWeights[first + taken[first]++] = weights[i];
            total += weights[i];
        }
        double[] at = new double[n];
        double cumulative = 0;
        for (int k = 0; k < n; k++) {
            at[k] = (cumulative + sortedWeights[k] / 2) / total;
            cumulative += sortedWeights[k];
        }
        double[] out = new double[LEVELS.length];
        int k = 0;
        for (int i = 0; i < LEVELS.length; i++) {
            double p = LEVELS[i];
            while (k < n - 1 && at[k + 1] < p) {
                k++;
            }
            if (p <= at[0]) {
                out[i] = sorted[0];
            } else if (k == n - 1) {
                out[i] = sorted[n - 1];
            } else {
                double f = (p - at[k]) / (at[k + 1] - at[k]);
                out[i] = sorted[k] + f * (sorted[k + 1] - sorted[k]);
            }
        }
        return out;
    }

    /** The first index of a sorted array whose value is not below {@code v}. */
    private static int firstAtLeast(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double weightedMean(double[] values, double[] weights, int count) {
        double sum = 0;
        double total = 0;
        for (int i = 0; i < count; i++) {
            sum += values[i] * weights[i];
            total += weights[i];
        }
        return sum / total;
    }
}
