package io.prescient.feedback.world;

/**
 * The true parameters of a simulated world (daily steps). Utilisation pressure, from yesterday's
 * utilisation u, is 0 at or below the warning threshold, 0.5 just above it, rising linearly to 1 at
 * the emergency threshold ({@link #pressure}).
 *
 * @param days                 days simulated
 * @param baseLevel            base demand on day 0 (e.g. GPU-hours a day)
 * @param trendPerDay          relative growth of base demand per day
 * @param weeklyAmplitude      relative weekly swing (weekdays up, weekends down)
 * @param volatility           daily standard deviation of the log market shock (AR(1))
 * @param launchesPerWeek      launches planned per week on average
 * @param launchSize           median launch size, as a share of base demand (log-normal, sigma 0.5)
 * @param warning              utilisation where pressure starts (0.80)
 * @param emergency            utilisation where pressure is full (0.95)
 * @param feedbackStrength     how strongly teams respond to pressure, 0.1 to 0.8
 * @param delayIntercept       logit of the delay probability at no pressure, average risk aversion and complexity
 * @param delayPressure        logit change per unit of pressure, at feedback strength 0.5 (scales with strength)
 * @param delayRiskAversion    logit change per unit of the team's risk aversion (centred at 0.5)
 * @param delayComplexity      logit change per unit of launch complexity (centred at 0.5)
 * @param delayDays            days a delayed launch moves
 * @param maxEfficiency        largest efficiency gain (share of demand saved) under full pressure at strength 0.5
 * @param efficiencyRate       share of the gap to the target gain closed each day
 * @param learningDays         time constant of teams learning to respond (capability 1 - exp(-t / learningDays))
 * @param targetUtilisation    the infrastructure team's utilisation target
 * @param infraLookback        days of utilisation the infrastructure team averages
 * @param infraAggressiveness  share of the capacity gap ordered each day
 * @param infraLeadDays        days from order to capacity in place
 * @param shockProbability     probability that an order's delivery slips (a hardware delay: an exogenous capacity shock)
 * @param shockDays            days a slipped delivery is late
 * @param seed                 random seed
 */
public record WorldParameters(int days, double baseLevel, double trendPerDay, double weeklyAmplitude, double volatility,
                              double launchesPerWeek, double launchSize, double warning, double emergency,
                              double feedbackStrength, double delayIntercept, double delayPressure, double delayRiskAversion,
                              double delayComplexity, int delayDays, double maxEfficiency, double efficiencyRate,
                              double learningDays, double targetUtilisation, int infraLookback, double infraAggressiveness,
                              int infraLeadDays, double shockProbability, int shockDays, long seed) {

    /** @throws IllegalArgumentException for values outside their ranges */
    public WorldParameters {
        if (days < 30 || !(baseLevel > 0) || !(warning < emergency) || !(feedbackStrength >= 0.1 && feedbackStrength <= 0.8)
                || !(targetUtilisation > 0 && targetUtilisation < 1) || infraLookback < 1 || infraLeadDays < 0
                || !(shockProbability >= 0 && shockProbability <= 1)) {
            throw new IllegalArgumentException("need days >= 30, base > 0, warning < emergency, feedback strength in "
                    + "[0.1, 0.8], target utilisation in (0, 1), lookback >= 1, lead >= 0, shock probability in [0, 1]");
        }
    }

    /**
     * Defaults: a year of GPU-hours from 10,000 a day growing 0.1% a day, 80% warning and 95% emergency,
     * strength 0.5 (about 30% of launches delayed under pressure, efficiency gains up to 20%), an
     * infrastructure team targeting 75% that orders 30% of the gap with a 14-day lead.
     */
    public static WorldParameters defaults(double feedbackStrength, long seed) {
        return new WorldParameters(365, 10_000, 0.001, 0.08, 0.03, 1.5, 0.03, 0.80, 0.95, feedbackStrength, -3.0, 4.3, 1.0,
                1.0, 7, 0.20, 0.15, 60, 0.75, 3, 0.3, 14, 0.15, 21, seed);
    }

    /** Pressure felt at utilisation u: 0 up to the warning threshold, then 0.5 rising to 1 at the emergency threshold. */
    public double pressure(double u) {
        return u <= warning ? 0 : 0.5 + 0.5 * Math.min(1, (u - warning) / (emergency - warning));
    }

    /** The logit coefficient of pressure at this world's strength. */
    public double pressureEffect() {
        return delayPressure * feedbackStrength / 0.5;
    }

    /** The largest efficiency gain at this world's strength. */
    public double efficiencyCeiling() {
        return maxEfficiency * feedbackStrength / 0.5;
    }
}
