package io.prescient.feedback.equilibrium;

/**
 * One planning question: over the horizon, the organisation's demand without any response to
 * pressure ({@code unconstrained}: base plus launches as planned), the share of it that is launches
 * (which can be delayed), the most capacity that can be in place each day, and the behaviour.
 *
 * @param unconstrained   demand per day if nobody responded to pressure
 * @param launchShare     share of each day's demand that comes from launches due in the horizon
 * @param maxCapacity     most capacity available per day (budget, hardware)
 * @param target          utilisation the planner provisions for
 * @param delayAtWarning  expected share of launch demand delayed at the warning threshold
 * @param delayAtFull     expected share at full pressure
 * @param efficiencyFull  efficiency gain at full pressure
 * @param efficiencyRate  share of the gap to that gain closed each day (efficiency work persists)
 * @param warning         warning threshold
 * @param emergency       emergency threshold
 * @param noise           standard deviation of utilisation the forecast allows (smooths the thresholds)
 */
public record PlanningScenario(double[] unconstrained, double[] launchShare, double[] maxCapacity, double target,
                               double delayAtWarning, double delayAtFull, double efficiencyFull, double efficiencyRate, double warning,
                               double emergency, double noise) {

    public PlanningScenario {
        unconstrained = unconstrained.clone();
        launchShare = launchShare.clone();
        maxCapacity = maxCapacity.clone();
    }
}
