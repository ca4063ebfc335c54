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

    @Override
    protected double quantileAt(int h, double q) {
        int top = levels.length - 1;
        if (q <= levels[top] || top == 0) {
            return Quantiles.interpolate(levels, values[h], q);
        }
        double zTop = normalQuantile(levels[top]);
        double slope = (values[h][top] - values[h][top - 1]) / (zTop - normalQuantile(levels[top - 1]));
        return values[h][top] + slope * (Math.min(normalQuantile(q), TAIL_LIMIT) - zTop);
    }

    /** The normal score the upper tail is continued to at most (the 0.99997 level). */
    private static final double TAIL_LIMIT = 4;

    @Override
    public double[] mean() {
        return mean.clone();
    }
}
