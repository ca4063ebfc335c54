package io.prescient.experiment;

/**
 * A difference in means (treatment minus control) with a Welch interval and a percentile
 * bootstrap interval at the same level, the Welch statistic, and (in a simulator) the true effect
 * on the same units; NaN for an experiment on real units, where it is not known.
 */
public record Effect(String metric, double estimate, double welchLow, double welchHigh, double bootstrapLow, double bootstrapHigh,
                     double statistic, double truth) {

    public boolean coversTruth() {
        return welchLow <= truth && truth <= welchHigh;
    }

    /** Whether the Welch interval excludes zero. */
    public boolean significant() {
        return welchLow > 0 || welchHigh < 0;
    }
}
