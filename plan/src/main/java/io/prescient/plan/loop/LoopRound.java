package io.prescient.plan.loop;

import io.prescient.forecast.History;

import java.util.Optional;

/**
 * What one round did for one workload, on either clock: the history it saw, the planning step it ran
 * (with the model it served), the outcome (decision and forecast), the drift it raised, and the
 * accuracy of its forecasts scored so far.
 *
 * @param time  epoch seconds of the decision (the end of the history seen)
 * @param fault what went wrong this round, if anything: the store (the round then held and actuated nothing) or the
 *              actuator (the decision was recorded, its actuation failed)
 */
public record LoopRound(String workload, long time, History seen, PlanningStep step, PlanningStep.Outcome outcome,
                        Optional<Drift> drift, Accuracy accuracy, Optional<Fault> fault) {

    /** What failed in a round and how. */
    public record Fault(Source source, String message) {
        public enum Source { STORE, ACTUATOR }

        public static Fault store(String message) {
            return new Fault(Source.STORE, message);
        }

        public static Fault actuator(String message) {
            return new Fault(Source.ACTUATOR, message);
        }
    }

    /** A round the store served. */
    public LoopRound(String workload, long time, History seen, PlanningStep step, PlanningStep.Outcome outcome,
                     Optional<Drift> drift, Accuracy accuracy) {
        this(workload, time, seen, step, outcome, drift, accuracy, Optional.empty());
    }
}
