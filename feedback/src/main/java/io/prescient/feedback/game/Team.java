package io.prescient.feedback.game;

/**
 * A team with a launch to place.
 *
 * @param name            the team's name
 * @param size            demand its launch adds from its launch day on
 * @param preferredDay    the day it would launch with capacity to spare
 * @param delayCostPerDay what each day after the preferred one costs it
 */
public record Team(String name, double size, int preferredDay, double delayCostPerDay) {
}
