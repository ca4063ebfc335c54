package io.prescient.plan.montecarlo;

/**
 * How many futures and how they are drawn (each path's step-to-step correlation is its forecast's
 * own, see {@link io.prescient.forecast.PathCopula}).
 *
 * @param paths           simulated futures
 * @param seed            seed: the same seed gives the same futures, whatever the thread count
 * @param covariateDraws  drawn futures of the covariates (perturbed by the scenarios on them), each forecast by the
 *                        model (batched); the paths take them in turn
 * @param threads         worker threads
 */
public record SimulationSettings(int paths, long seed, int covariateDraws, int threads) implements java.io.Serializable {

    /** @throws IllegalArgumentException for non-positive counts */
    public SimulationSettings {
        if (paths < 1 || covariateDraws < 1 || threads < 1) {
            throw new IllegalArgumentException("paths, covariate draws and threads must be at least 1");
        }
    }

    /** Covariate futures per simulation when the settings do not say: enough to resolve a scenario's probability to 0.1%. */
    public static final int COVARIATE_DRAWS = 1000;

    /** 10,000 paths, seed 42, 1,000 covariate draws, one thread. */
    public static SimulationSettings defaults() {
        return new SimulationSettings(10_000, 42, COVARIATE_DRAWS, 1);
    }

    /** {@code paths} paths, seed {@code seed}, one covariate future per path up to {@value #COVARIATE_DRAWS}, one thread. */
    public static SimulationSettings of(int paths, long seed) {
        return new SimulationSettings(paths, seed, Math.min(paths, COVARIATE_DRAWS), 1);
    }

    public SimulationSettings withPaths(int n) {
        return new SimulationSettings(n, seed, covariateDraws, threads);
    }

    public SimulationSettings withThreads(int n) {
        return new SimulationSettings(paths, seed, covariateDraws, n);
    }
}
