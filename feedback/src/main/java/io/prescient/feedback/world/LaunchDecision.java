package io.prescient.feedback.world;

/**
 * A team's decision on a launch that was due: the launch log a behaviour model learns from.
 *
 * @param day          the day it was due
 * @param pressure     utilisation pressure that day
 * @param riskAversion the team's risk aversion, 0 to 1
 * @param complexity   the launch's complexity, 0 to 1
 * @param delayed      whether the team delayed it
 */
public record LaunchDecision(int day, double pressure, double riskAversion, double complexity, boolean delayed) {

    public static final String HEADER = "day,pressure,risk_aversion,complexity,delayed";

    public String csv() {
        return String.format(java.util.Locale.ROOT, "%d,%.6f,%.6f,%.6f,%d", day, pressure, riskAversion, complexity, delayed ? 1 : 0);
    }
}
