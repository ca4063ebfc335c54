package io.prescient.plan.loop;

import io.prescient.plan.montecarlo.SimulationSettings;

/**
 * How each planning step runs.
 *
 * @param horizon         steps forecast and planned
 * @param percentile      demand percentile provisioned for
 * @param maxMissingSteps hold when this many latest steps are all missing (the series stopped)
 * @param maxMissingShare hold when more than this share of the last day is missing (a NaN burst)
 * @param simulation      Monte Carlo settings
 */
public record LoopSettings(int horizon, double percentile, int maxMissingSteps, double maxMissingShare,
                           SimulationSettings simulation) implements java.io.Serializable {

    public LoopSettings {
        if (horizon < 1 || !(percentile > 0 && percentile < 1) || maxMissingSteps < 1
                || !(maxMissingShare >= 0 && maxMissingShare <= 1)) {
            throw new IllegalArgumentException("need horizon >= 1, percentile in (0, 1), max_missing_steps >= 1 and "
                    + "max_missing_share in [0, 1]");
        }
    }

    /** 48 steps, P95, hold after 6 missing steps or a day more than 20% missing, 2,000 futures. */
    public static LoopSettings defaults() {
        return new LoopSettings(48, 0.95, 6, 0.2, SimulationSettings.defaults().withPaths(2000));
    }
}
