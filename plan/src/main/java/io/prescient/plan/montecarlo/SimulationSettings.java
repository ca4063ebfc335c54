package io.prescient.plan.montecarlo;

/**
 * How many futures and how they are drawn.
 *
 * @param paths           simulated futures
 * @param seed            seed: the same seed gives the same futures, whatever the thread count
 * @param pathCorrelation correlation of neighbouring steps' normal scores in a path (AR(1) copula)
 * @param covariateDraws  draws of covariate scenarios, each re-forecast once (paths share them in turn)
 * @param threads         worker threads
 */
public record SimulationSettings(int paths, long seed, double pathCorrelation, int covariateDraws, int threads) implements java.io.Serializable {

    /** @throws IllegalArgumentException for non-positive counts or a correlation outside [0, 1) */
    public SimulationSettings {
        if (paths < 1 || covariateDraws < 1 || threads < 1) {
            throw new IllegalArgumentException("paths, covariate draws and threads must be at least 1");
        }
        if (!(pathCorrelation >= 0 && pathCorrelation < 1)) {
            throw new IllegalArgumentException("path correlation must be in [0, 1), got " + pathCorrelation);
        }
    }

    /** 10,000 paths, seed 42, correlation 0.9, 16 covariate draws, one thread. */
    public static SimulationSettings defaults() {
        return new SimulationSettings(10_000, 42, 0.9, 16, 1);
    }

    public SimulationSettings withPaths(int n) {
        return new SimulationSettings(n, seed, pathCorrelation, covariateDraws, threads);
    }

    public SimulationSettings withThreads(int n) {
        return new SimulationSettings(paths, seed, pathCorrelation, covariateDraws, n);
    }
}
