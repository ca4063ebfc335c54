package io.prescient.plan.capacity;

import io.prescient.core.TimeGrid;

import java.util.List;

/**
 * Units in place at each step of the horizon, and each change with the step it must be ordered at
 * (a lead time earlier) and why.
 *
 * @param cappedSteps steps at which the percentile's demand needs more than {@code max_units}
 * @param shortfall   the most demand (at target utilisation) {@code max_units} leaves unserved at such a step; 0 when none
 */
public record CapacityPlan(TimeGrid grid, double percentile, double[] units, double[] capacity, List<Change> changes, int cappedSteps,
                           double shortfall) {

    /** Whether the maximum keeps the plan below what the percentile's demand needs somewhere in the horizon. */
    public boolean capped() {
        return cappedSteps > 0;
    }

    public CapacityPlan {
        units = units.clone();
        capacity = capacity.clone();
        changes = List.copyOf(changes);
    }

    @Override
    public double[] units() {
        return units.clone();
    }

    @Override
    public double[] capacity() {
        return capacity.clone();
    }

    /** Unit-steps over the horizon (multiply by the step in hours and the unit price for cost). */
    public double unitSteps() {
        double sum = 0;
        for (double u : units) {
            sum += u;
        }
        return sum;
    }

    /**
     * One change of the plan.
     *
     * @param step      step (0-based) from which the new units are in place
     * @param orderStep step at which it must be ordered (step - lead, at least 0)
     * @param from      units before
     * @param to        units after
     * @param reason    why, in words a person can check
     */
    public record Change(int step, int orderStep, double from, double to, String reason) {
    }
}
