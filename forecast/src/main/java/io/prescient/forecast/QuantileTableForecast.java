package io.prescient.forecast;

import io.prescient.core.TimeGrid;

import java.util.Arrays;

/**
 * Marginals given as a table of quantiles per step, at sorted levels; other levels are interpolated
 * linearly between neighbours and held flat beyond the outermost levels.
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
        return Quantiles.interpolate(levels, values[h], q);
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }
}
