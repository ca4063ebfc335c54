package io.prescient.plan.scenario;

import io.prescient.core.TimeGrid;

import java.util.random.RandomGenerator;

/**
 * One thing that may happen over a forecast's horizon. A draw adds relative uplifts (0.3 = +30%)
 * per step to {@code uplift}, for the demand or for the covariate named by {@link #target}; the
 * uplifts of several scenarios add up, and the demand (or covariate) is multiplied by 1 + the sum.
 * Each kind is read from scenario files by its {@link ScenarioType}, registered beside it.
 */
public interface Scenario {

    /** The name the file gives it. */
    String name();

    /** {@code demand}, or the name of the covariate it changes. */
    String target();

    /** Probability that it happens at all in a simulated future. */
    double probability();

    /** Adds one random draw of this scenario's effect over {@code horizon} to {@code uplift}. */
    void draw(TimeGrid horizon, RandomGenerator random, double[] uplift);

    /** The target every scenario without one changes. */
    String DEMAND = "demand";
}
