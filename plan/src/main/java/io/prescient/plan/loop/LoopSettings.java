package io.prescient.plan.loop;

import io.prescient.plan.montecarlo.SimulationSettings;

/**
 * How each planning step runs.
 *
 * @param horizon         steps forecast and planned
 * @param percentile      demand percentile provisioned for
 * @param season          steps per day on the grid (at least 1): seasonal models, covariate futures and the
 *                        missing-data check all use this one value
 * @param maxMissingSteps hold when this many latest steps are all missing (the series stopped)
 * @param maxMissingShare hold when more than this share of the last day is missing (a NaN burst)
 * @param simulation      Monte Carlo settings
 */
public record LoopSettings(int horizon, double percentile, int season, int maxMissingSteps, double maxMissingShare,
                           SimulationSettings simulation) implements java.io.Serializable {

    public LoopSettings {
        if (horizon < 1 || !(percentile > 0 && percentile < 1) || season < 1 || maxMissingSteps < 1
                || !(maxMissingShare >= 0 && maxMissingShare <= 1)) {
            throw new IllegalArgumentException("need horizon >= 1, percentile in (0, 1), season >= 1, max_missing_steps >= 1 and "
                    + "max_missing_share in [0, 1]");
        }
    }

    /** Steps per day on a grid of {@code stepSeconds}, rounded, at least 1 (a 7-minute grid: 206): {@link io.prescient.core.Steps#season}. */
    public static int season(long stepSeconds) {
        return io.prescient.core.Steps.season(stepSeconds);
    }

    /** The same settings provisioning for another percentile with another number of futures (what-if). */
    public LoopSettings with(double otherPercentile, int paths) {
        return new LoopSettings(horizon, otherPercentile, season, maxMissingSteps, maxMissingShare, simulation.withPaths(paths));
    }
}
