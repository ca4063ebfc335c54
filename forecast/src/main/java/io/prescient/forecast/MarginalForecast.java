package io.prescient.forecast;

import io.prescient.core.TimeGrid;
import org.hipparchus.special.Erf;

import java.util.random.RandomGenerator;

/**
 * A forecast known through its per-step marginal distributions. Sample paths join the marginals with
 * the {@link PathCopula} (a Gaussian AR(1) copula), taking each step's exact quantile at Phi(z[h]).
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
        PathCopula copula = new PathCopula(pathCorrelation);
        PathCopula.Marginals exact = new PathCopula.Marginals() {
            @Override
            public int steps() {
                return horizon();
            }

            @Override
            public double at(int h, double z) {
                return quantileAt(h, clamp(normalCdf(z)));
            }
        };
        double[][] paths = new double[n][];
        for (int i = 0; i < n; i++) {
            paths[i] = copula.path(exact, random);
        }
        return paths;
    }

    @Override
    public final double pathCorrelation() {
        return pathCorrelation;
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
