package io.prescient.forecast;

import java.util.random.RandomGenerator;

/**
 * How every sample path in Prescient is drawn: a Gaussian AR(1) copula over a forecast's per-step
 * marginals. A path draws normal scores z[0] ~ N(0,1) and z[h] = rho z[h-1] + sqrt(1-rho^2) e[h],
 * and takes at each step the demand whose normal score is z[h]. Each step's draws follow its
 * marginal, and neighbouring steps move together with lag-1 score correlation rho (a path that runs
 * high tends to stay high). The forecast's own samplePaths and the planner's Monte Carlo both draw
 * here, with the correlation the forecast declares.
 *
 * @param rho correlation of neighbouring steps' normal scores, in [0, 1)
 */
public record PathCopula(double rho) {

    /** A forecast's marginals in normal scores: the value at step {@code h} whose normal score is {@code z}. */
    public interface Marginals {

        int steps();

        double at(int h, double z);
    }

    public PathCopula {
        if (!(rho >= 0 && rho < 1)) {
            throw new IllegalArgumentException("path correlation must be in [0, 1), got " + rho);
        }
    }

    /** The copula a forecast's paths are drawn with. */
    public static PathCopula of(Forecast forecast) {
        return new PathCopula(forecast.pathCorrelation());
    }

    /** One path over the marginals' steps. */
    public double[] path(Marginals marginals, RandomGenerator random) {
        double innovation = Math.sqrt(1 - rho * rho);
        double[] path = new double[marginals.steps()];
        double z = random.nextGaussian();
        for (int h = 0; h < path.length; h++) {
            if (h > 0) {
                z = rho * z + innovation * random.nextGaussian();
            }
            path[h] = marginals.at(h, z);
        }
        return path;
    }
}
