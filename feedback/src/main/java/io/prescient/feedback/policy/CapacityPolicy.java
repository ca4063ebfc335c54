package io.prescient.feedback.policy;

/**
 * The infrastructure team's reactive policy: order {@code aggressiveness} of the gap to the capacity
 * that would bring recent utilisation to {@code targetUtilisation}.
 */
public record CapacityPolicy(double targetUtilisation, double aggressiveness) {

    /** The usual reactive policy: 75% target, 30% of the gap a day. */
    public static CapacityPolicy reactive75() {
        return new CapacityPolicy(0.75, 0.3);
    }
}
