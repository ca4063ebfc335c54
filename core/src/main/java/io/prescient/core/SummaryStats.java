package io.prescient.core;

import java.util.Arrays;

/**
 * Descriptive statistics of the values present in a series (missing values are skipped).
 * All fields are NaN when no value is present.
 */
public record SummaryStats(int count, double mean, double stdDev, double min, double p50, double p95, double max) {

    public static SummaryStats of(double[] values) {
        double[] present = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        int n = present.length;
        if (n == 0) {
            return new SummaryStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = Arrays.stream(present).sum() / n;
        double squares = 0;
        for (double v : present) {
            squares += (v - mean) * (v - mean);
        }
        double sd = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
        return new SummaryStats(n, mean, sd, present[0], quantileOfSorted(present, 0.5),
                quantileOfSorted(present, 0.95), present[n - 1]);
    }

    /** The q-quantile of sorted values by linear interpolation between order statistics (type 7). */
    public static double quantileOfSorted(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
