package io.prescient.plan.montecarlo;

/**
 * How many futures and how they are drawn (each path's step-to-step correlation is its forecast's
 * own, see {@link io.prescient.forecast.PathCopula}).
 *
 * @param paths           simulated futures
 * @param seed            seed: the same seed gives the same futures, whatever the thread count
 * @param covariateDraws  draws of covariate scenarios, each re-forecast once (paths share them in turn)
 * @param threads         worker threads
 */
public record SimulationSettings(int paths, long seed, int covariateDraws, int threads) implements java.io.Serializable {

    /** @throws IllegalArgumentException for non-positive counts */
    public SimulationSettings {
        if (paths < 1 || covariateDraws < 1 || threads < 1) {
            throw new IllegalArgumentException("paths, covariate draws and threads must be at least 1");
        }
    }

    /** 10,000 paths, seed 42, 16 covariate draws, one thread. */
    public static SimulationSettings defaults() {
        return new SimulationSettings(10_000, 42, 16, 1);
    }

    public SimulationSettings withPaths(int n) {
        return new SimulationSettings(n, seed, covariateDraws, threads);
    }

    public SimulationSettings withThreads(int n) {
        return new SimulationSettings(paths, seed, covariateDraws, n);
    }
}
