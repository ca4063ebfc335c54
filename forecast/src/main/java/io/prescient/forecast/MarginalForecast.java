package io.prescient.forecast;

import io.prescient.core.TimeGrid;
import org.hipparchus.special.Erf;

import java.util.random.RandomGenerator;

/**
 * A forecast known through its per-step marginal distributions. Sample paths join the marginals with
 * a Gaussian AR(1) copula: path i draws z[0] ~ N(0,1) and z[h] = rho z[h-1] + sqrt(1-rho^2) e[h],
 * then takes each step's quantile at Phi(z[h]). Each step's draws follow its marginal exactly, and
 * neighbouring steps move together the way demand does (a path that runs high tends to stay high).
 */
public abstract class MarginalForecast implements Forecast {

    /** Correlation of neighbouring steps in sample paths unless a model says otherwise. */
    public static final double DEFAULT_PATH_CORRELATION = 0.9;

    private final TimeGrid grid;
    private final String model;
    private final double pathCorrelation;

    protected MarginalForecast(TimeGrid grid, String model, double pathCorrelation) {
        if (!(pathCorrelation >= 0 && pathCorrelation < 1)) {
            throw new IllegalArgumentException("path correlation must be in [0, 1), got " + pathCorrelation);
        }
        this.grid = grid;
        this.model = model;
        this.pathCorrelation = pathCorrelation;
    }

    /** The {@code q}-quantile at step {@code h} (0-based). */
    protected abstract double quantileAt(int h, double q);

    @Override
    public final TimeGrid grid() {
        return grid;
    }

    @Override
    public final String model() {
        return model;
    }

    @Override
    public double[] quantile(double q) {
        if (!(q > 0 && q < 1)) {
            throw new IllegalArgumentException("quantile level must be in (0, 1), got " + q);
        }
        double[] out = new double[horizon()];
        for (int h = 0; h < out.length; h++) {
            out[h] = quantileAt(h, q);
        }
        return out;
    }

    @Override
    public double[][] samplePaths(int n, RandomGenerator random) {
        double rho = pathCorrelation;
        double innovation = Math.sqrt(1 - rho * rho);
        double[][] paths = new double[n][horizon()];
        for (int i = 0; i < n; i++) {
            double z = random.nextGaussian();
            for (int h = 0; h < horizon(); h++) {
                if (h > 0) {
                    z = rho * z + innovation * random.nextGaussian();
                }
                paths[i][h] = quantileAt(h, clamp(normalCdf(z)));
            }
        }
        return paths;
    }

    private static double clamp(double p) {
        return Math.min(1 - 1e-9, Math.max(1e-9, p));
    }

    /** The standard normal distribution function. */
    public static double normalCdf(double z) {
        return 0.5 * Erf.erfc(-z / Math.sqrt(2));
    }

    /** The standard normal quantile function. */
    public static double normalQuantile(double p) {
        return Math.sqrt(2) * Erf.erfInv(2 * p - 1);
    }
}
