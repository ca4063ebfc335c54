package io.prescient.plan.loop;

import io.prescient.plan.capacity.CapacityPlan;

import java.util.Optional;

/**
 * What the loop decided for one workload at one step.
 *
 * @param workload the workload's name
 * @param time     decision time (epoch seconds: the end of the history it saw)
 * @param from     units in place before
 * @param units    units ordered now (in place a lead time later), equal to {@code from} when held
 * @param held     true when the loop kept the capacity because it could not plan
 * @param reason   why, in words a person can check
 * @param plan     the plan behind the order; empty when held
 */
public record Decision(String workload, long time, double from, double units, boolean held, String reason,
                       Optional<CapacityPlan> plan) {

    public static Decision hold(String workload, long time, double units, String reason) {
        return new Decision(workload, time, units, units, true, "hold " + fmt(units) + " units: " + reason, Optional.empty());
    }

    public boolean changes() {
        return units != from;
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(java.util.Locale.ROOT, "%.2f", v);
    }
}
