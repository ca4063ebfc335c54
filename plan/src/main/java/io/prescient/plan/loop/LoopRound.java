package io.prescient.plan.loop;

import io.prescient.forecast.History;

import java.util.Optional;

/**
 * What one round did for one workload, on either clock: the history it saw, the planning step it ran
 * (with the model it served), the outcome (decision and forecast), the drift it raised, and the
 * accuracy of its forecasts scored so far.
 *
 * @param time epoch seconds of the decision (the end of the history seen)
 */
public record LoopRound(String workload, long time, History seen, PlanningStep step, PlanningStep.Outcome outcome,
                        Optional<Drift> drift, Accuracy accuracy) {
}
