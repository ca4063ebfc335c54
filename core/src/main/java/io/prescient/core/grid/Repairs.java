package io.prescient.core.grid;

/**
 * What was repaired while building a grid.
 *
 * @param reordered  rows that were out of time order and were moved by the stable sort
 * @param dropped    rows dropped because an earlier row already filled their bin
 * @param floored    rows whose timestamp was between bin boundaries and was floored to its bin
 */
public record Repairs(long reordered, long dropped, long floored) {

    public static final Repairs NONE = new Repairs(0, 0, 0);

    public Repairs plus(Repairs other) {
        return new Repairs(reordered + other.reordered, dropped + other.dropped, floored + other.floored);
    }

    public boolean any() {
        return reordered + dropped + floored > 0;
    }
}
