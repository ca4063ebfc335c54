package io.prescient.forecast;

import io.prescient.core.TimeGrid;

import java.util.Arrays;

/**
 * Marginals {@code mean[h] + scale[h] * z_q}, where {@code z_q} is a quantile of the model's own
 * standardised one-step residuals rather than of the normal distribution: on spiky utilisation the
 * residuals are heavy-tailed, and a Gaussian band with the same variance is too wide in the middle
 * and too narrow in the tail. Every quantile is kept within [lower, upper] (e.g. zero for a quantity
 * that cannot be negative, or a plausible ceiling), so no level can run away.
 */
public final class ScaledResidualForecast extends MarginalForecast {

    private final double[] mean;
    private final double[] scale;
    private final double[] levels;
    private final double[] standardQuantiles;
    private final double lower;
    private final double upper;

    /**
     * @param levels            sorted levels in (0, 1)
     * @param standardQuantiles the standardised residuals' quantile at each level, non-decreasing
     * @param lower             no quantile falls below this (e.g. 0, or negative infinity)
     * @param upper             no quantile rises above this (positive infinity: no ceiling)
     */
    public ScaledResidualForecast(TimeGrid grid, String model, double[] mean, double[] scale, double[] levels,
                                  double[] standardQuantiles, double lower, double upper) {
        super(grid, model, DEFAULT_PATH_CORRELATION);
        if (mean.length != grid.length() || scale.length != grid.length()) {
            throw new IllegalArgumentException("mean and scale must have one value per step");
        }
        if (levels.length != standardQuantiles.length || levels.length == 0) {
            throw new IllegalArgumentException("one standardised quantile per level is needed");
        }
        this.mean = mean.clone();
        this.scale = scale.clone();
        this.levels = levels.clone();
        this.standardQuantiles = standardQuantiles.clone();
        if (!(lower <= upper)) {
            throw new IllegalArgumentException("lower bound " + lower + " above upper bound " + upper);
        }
        this.lower = lower;
        this.upper = upper;
    }

    /**
     * The quantiles of {@code residuals / sd} at {@code levels}, with sd their root mean square; an
     * all-zero residual series gives zeros.
     */
    public static double[] standardise(double[] residuals, double[] levels) {
        double ss = 0;
        for (double e : residuals) {
            ss += e * e;
        }
        double sd = Math.sqrt(ss / Math.max(1, residuals.length));
        double[] sorted = residuals.clone();
        Arrays.sort(sorted);
        double[] out = new double[levels.length];
        for (int k = 0; k < levels.length; k++) {
            out[k] = sd > 0 && sorted.length > 0 ? io.prescient.core.SummaryStats.quantileOfSorted(sorted, levels[k]) / sd : 0;
        }
        return out;
    }

    @Override
    protected double quantileAt(int h, double q) {
        double v = mean[h] + scale[h] * standard(q);
        return Math.min(upper, Math.max(lower, v));
    }

    private double standard(double q) {
        return Quantiles.interpolate(levels, standardQuantiles, q);
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }
}
