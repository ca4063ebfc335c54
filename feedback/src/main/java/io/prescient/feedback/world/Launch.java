package io.prescient.feedback.world;

/**
 * A planned launch.
 *
 * @param day          day it is planned for
 * @param size         demand it adds once launched (absolute, ramped in over three days)
 * @param complexity   0 (simple) to 1 (complex): complex launches are delayed more readily
 * @param riskAversion its team's risk aversion, 0 to 1
 * @param team         the team that owns it (a player when launch timing is treated as a game), or empty
 */
public record Launch(int day, double size, double complexity, double riskAversion, String team) {

    public Launch {
        team = team == null ? "" : team;
    }

    public Launch(int day, double size, double complexity, double riskAversion) {
        this(day, size, complexity, riskAversion, "");
    }

    public Launch withDay(int newDay) {
        return new Launch(newDay, size, complexity, riskAversion, team);
    }
}
