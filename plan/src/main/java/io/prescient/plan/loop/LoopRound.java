package io.prescient.plan.loop;

import io.prescient.forecast.History;

import java.util.Optional;

/**
 * What one round did for one workload, on either clock: the history it saw, the planning step it ran
 * (with the model it served), the outcome (decision and forecast), the drift it raised, and the
 * accuracy of its forecasts scored so far.
 *
 * @param time  epoch seconds of the decision (the end of the history seen)
 * @param fault what went wrong with the store this round (the round then held and actuated nothing), if anything
 */
public record LoopRound(String workload, long time, History seen, PlanningStep step, PlanningStep.Outcome outcome,
                        Optional<Drift> drift, Accuracy accuracy, Optional<String> fault) {

    /** A round the store served. */
    public LoopRound(String workload, long time, History seen, PlanningStep step, PlanningStep.Outcome outcome,
                     Optional<Drift> drift, Accuracy accuracy) {
        this(workload, time, seen, step, outcome, drift, accuracy, Optional.empty());
    }
}
