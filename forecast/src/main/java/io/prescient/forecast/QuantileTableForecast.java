package io.prescient.forecast;

import io.prescient.core.TimeGrid;

import java.util.Arrays;

/**
 * Marginals given as a table of quantiles per step, at sorted levels; other levels are interpolated
 * linearly between neighbours, held flat below the lowest level and, above the highest, continued
 * as a normal tail would (linearly in the normal score, at the slope of the two highest levels), so
 * a plan at P99.5 asks more than one at P99 of a table that ends at 0.99; a table flat at its top
 * stays flat.
 */
public final class QuantileTableForecast extends MarginalForecast {

    private final double[] levels;
    private final double[][] values;
    private final double[] mean;

    /**
     * @param levels sorted quantile levels in (0, 1)
     * @param values {@code values[h][k]}: the {@code levels[k]}-quantile at step {@code h}, non-decreasing in k
     * @param mean   the mean per step
     */
    public QuantileTableForecast(TimeGrid grid, String model, double[] levels, double[][] values, double[] mean,
                                 double pathCorrelation) {
        super(grid, model, pathCorrelation);
        if (values.length != grid.length() || mean.length != grid.length()) {
            throw new IllegalArgumentException("one row of quantiles and one mean per step are needed");
        }
        for (int k = 1; k < levels.length; k++) {
            if (!(levels[k] > levels[k - 1])) {
                throw new IllegalArgumentException("quantile levels must increase: " + Arrays.toString(levels));
            }
        }
        this.levels = levels.clone();
        this.values = new double[values.length][];
        for (int h = 0; h < values.length; h++) {
            if (values[h].length != levels.length) {
                throw new IllegalArgumentException("step " + h + " has " + values[h].length + " quantiles for "
                        + levels.length + " levels");
            }
            this.values[h] = values[h].clone();
        }
        this.mean = mean.clone();
    }

    /** The normal score the upper tail is continued to at most (the 0.99997 level). */
    private static final double TAIL_LIMIT = 4;

    @Override
    protected double quantileAt(int h, double q) {
        return new Reading(q).of(values[h]);
    }

    /** The level found in the table once and read at every step: the levels are the same at all steps. */
    @Override
    public double[] quantile(double q) {
        if (!(q > 0 && q < 1)) {
            throw new IllegalArgumentException("quantile level must be in (0, 1), got " + q);
        }
        Reading reading = new Reading(q);
        double[] out = new double[values.length];
        for (int h = 0; h < out.length; h++) {
            out[h] = reading.of(values[h]);
        }
        return out;
    }

    /**
     * Where a level sits in the table: between the levels {@code lo} and {@code lo + 1} at
     * {@code share} of the way, or, above the top, {@code tail} normal scores beyond it per normal
     * score between the two highest levels.
     */
    private final class Reading {
        private final int lo;
        private final double share;
        private final double tail;
        private final boolean above;

        Reading(double q) {
            int top = levels.length - 1;
            if (q > levels[top] && top > 0) {
                double zTop = normalQuantile(levels[top]);
                lo = top - 1;
                share = 0;
                // a table whose top is past the limit already is held there, not read back below it
                tail = Math.max(0, Math.min(normalQuantile(q), TAIL_LIMIT) - zTop) / (zTop - normalQuantile(levels[top - 1]));
                above = true;
                return;
            }
            int k = Arrays.binarySearch(levels, q);
            int hi = k >= 0 ? k : -k - 1;
            tail = 0;
            above = false;
            if (k >= 0 || hi == 0 || hi == levels.length) {
                lo = Math.min(hi, top);
                share = 0;
            } else {
                lo = hi - 1;
                share = (q - levels[lo]) / (levels[hi] - levels[lo]);
            }
        }

        double of(double[] row) {
            if (above) {
                return row[lo + 1] + tail * (row[lo + 1] - row[lo]);
            }
            return share == 0 ? row[lo] : row[lo] + share * (row[lo + 1] - row[lo]);
        }
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }
}
