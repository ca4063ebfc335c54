package io.prescient.forecast;

import io.prescient.core.TimeGrid;

import java.util.random.RandomGenerator;

/**
 * A probabilistic forecast over {@code horizon} steps that follow the history. Every model returns
 * one; the evaluator and the planner ask it for quantiles, the mean and sample paths without knowing
 * which model made it.
 */
public interface Forecast {

    /** The grid of the forecast steps: starts one step after the history ends. */
    TimeGrid grid();

    default int horizon() {
        return grid().length();
    }

    /** The {@code q}-quantile (0 < q < 1) at every step. */
    double[] quantile(double q);

    /** The mean at every step. */
    double[] mean();

    default double[] median() {
        return quantile(0.5);
    }

    /**
     * {@code n} sample paths, {@code paths[i][h]}, drawn with {@code random}: jointly plausible
     * futures for Monte Carlo, not just independent draws per step.
     */
    double[][] samplePaths(int n, RandomGenerator random);

    /**
     * Correlation of neighbouring steps' normal scores in this forecast's sample paths (the
     * {@link PathCopula} they are drawn with); the planner's Monte Carlo draws with it too.
     */
    double pathCorrelation();

    /** Which model made it, for reports. */
    String model();
}
