package io.prescient.feedback.game;

/**
 * A team with launches to place: it picks the day of its first launch, and its others keep their
 * distance from it (a release train moves as one).
 *
 * @param name            the team's name
 * @param preferredDay    the day it would launch its first with capacity to spare
 * @param delayCostPerDay what each day after the preferred one costs it, per launch
 * @param sizes           demand each launch adds from its launch day on
 * @param offsets         days from the first launch to each launch (0 for the first)
 */
public record Team(String name, int preferredDay, double delayCostPerDay, double[] sizes, int[] offsets) {

    public Team {
        if (sizes.length == 0 || sizes.length != offsets.length) {
            throw new IllegalArgumentException("team " + name + " needs one offset per launch and at least one launch");
        }
        sizes = sizes.clone();
        offsets = offsets.clone();
    }

    /** A team with one launch. */
    public Team(String name, double size, int preferredDay, double delayCostPerDay) {
        this(name, preferredDay, delayCostPerDay, new double[] {size}, new int[] {0});
    }

    /** Demand all its launches add. */
    public double size() {
        return java.util.Arrays.stream(sizes).sum();
    }

    public int launches() {
        return sizes.length;
    }
}
