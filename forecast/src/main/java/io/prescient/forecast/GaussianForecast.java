package io.prescient.forecast;

import io.prescient.core.TimeGrid;

/** Independent Gaussian marginals per step, optionally truncated at zero for quantities that cannot be negative. */
public final class GaussianForecast extends MarginalForecast {

    private final double[] mean;
    private final double[] sigma;
    private final boolean clipAtZero;

    public GaussianForecast(TimeGrid grid, String model, double[] mean, double[] sigma, boolean clipAtZero) {
        super(grid, model, DEFAULT_PATH_CORRELATION);
        if (mean.length != grid.length() || sigma.length != grid.length()) {
            throw new IllegalArgumentException("mean and sigma must have one value per step");
        }
        this.mean = mean.clone();
        this.sigma = sigma.clone();
        this.clipAtZero = clipAtZero;
    }

    @Override
    protected double quantileAt(int h, double q) {
        double v = mean[h] + sigma[h] * normalQuantile(q);
        return clipAtZero ? Math.max(0, v) : v;
    }

    /** Every step at once, with the normal score computed once (the Monte Carlo grid asks for 161 levels a forecast). */
    @Override
    public double[] quantile(double q) {
        if (!(q > 0 && q < 1)) {
            throw new IllegalArgumentException("quantile level must be in (0, 1), got " + q);
        }
        double z = normalQuantile(q);
        double[] out = new double[mean.length];
        for (int h = 0; h < out.length; h++) {
            double v = mean[h] + sigma[h] * z;
            out[h] = clipAtZero ? Math.max(0, v) : v;
        }
        return out;
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }
}
