package io.prescient.plan.scenario;

import io.prescient.core.TimeGrid;

import java.util.random.RandomGenerator;

/**
 * A scenario that changes the past the model learns from instead of the future it simulates (a past
 * incident removed, a launch's ramp added): the model is fitted on the edited history, so every
 * simulated future carries the change through the model. It always applies and draws nothing.
 */
public interface HistoryEdit extends Scenario {

    /**
     * The edited copy of {@code values} (the demand or the covariate named by {@link #target}) on
     * {@code grid}, whose season is {@code season} steps.
     */
    double[] edit(TimeGrid grid, double[] values, int season);

    @Override
    default double probability() {
        return 1;
    }

    @Override
    default void draw(TimeGrid horizon, RandomGenerator random, double[] uplift) {
        // its effect is in the history the model is fitted on
    }
}
