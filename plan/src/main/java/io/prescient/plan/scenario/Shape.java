package io.prescient.plan.scenario;

/** How a spike's uplift evolves over its duration. */
public enum Shape {
    /** Full uplift for the whole duration. */
    STEP,
    /** Rising linearly to the full uplift at the end. */
    RAMP,
    /** Full uplift at the start, falling linearly to nothing at the end. */
    DECAY;

    /** The share of the full uplift at position {@code i} of {@code duration} steps. */
    double share(int i, int duration) {
        return switch (this) {
            case STEP -> 1;
            case RAMP -> (i + 1.0) / duration;
            case DECAY -> (duration - (double) i) / duration;
        };
    }
}
