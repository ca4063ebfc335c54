package io.prescient.feedback.forecast;

import io.prescient.feedback.world.WorldParameters;

/**
 * What the planning team knows about its own organisation without fitting: its capacity policy
 * (target utilisation, days averaged, share of the gap ordered, delivery lead, how late a slipped
 * delivery is and how often one does), the pressure thresholds it publishes, and how long a delayed launch moves.
 */
public record OperatingFacts(double warning, double emergency, double targetUtilisation, int lookback, double aggressiveness,
                             int leadDays, int shockDays, int delayDays, double slipProbability) {

    public static OperatingFacts of(WorldParameters p) {
        return new OperatingFacts(p.warning(), p.emergency(), p.targetUtilisation(), p.infraLookback(), p.infraAggressiveness(),
                p.infraLeadDays(), p.shockDays(), p.delayDays(), p.shockProbability());
    }

    /** 0 up to the warning threshold, then 0.5 rising to 1 at the emergency threshold. */
    public double pressure(double u) {
        return u <= warning ? 0 : 0.5 + 0.5 * Math.min(1, (u - warning) / (emergency - warning));
    }
}
