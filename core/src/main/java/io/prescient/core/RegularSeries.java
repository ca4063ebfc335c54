package io.prescient.core;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable univariate series on a regular grid. Missing steps hold NaN. The value array is
 * copied on the way in and on the way out, so no caller can change a series after it is made.
 */
public final class RegularSeries {

    private final SeriesInfo info;
    private final TimeGrid grid;
    private final double[] values;

    /**
     * @throws IllegalArgumentException if the values do not fill the grid or one is not admitted by the unit
     */
    public RegularSeries(SeriesInfo info, TimeGrid grid, double[] values) {
        this.info = Objects.requireNonNull(info, "info");
        this.grid = Objects.requireNonNull(grid, "grid");
        if (values.length != grid.length()) {
            throw new IllegalArgumentException("series " + info.key() + " has " + values.length
                    + " values for a grid of " + grid.length() + " steps");
        }
        for (int i = 0; i < values.length; i++) {
            if (!info.unit().admits(values[i])) {
                throw new IllegalArgumentException("series " + info.key() + " step " + i + ": value " + values[i]
                        + " is not possible in unit " + info.unit());
            }
        }
        this.values = values.clone();
    }

    public SeriesInfo info() {
        return info;
    }

    public SeriesKey key() {
        return info.key();
    }

    public TimeGrid grid() {
        return grid;
    }

    public int length() {
        return values.length;
    }

    /** The value at step {@code i}, NaN when missing. */
    public double value(int i) {
        return values[i];
    }

    /** A copy of all values. */
    public double[] values() {
        return values.clone();
    }

    public GapStats gaps() {
        return GapStats.of(values);
    }

    public SummaryStats summary() {
        return SummaryStats.of(values);
    }

    /** Steps [from, to) as a new series. */
    public RegularSeries slice(int from, int to) {
        Objects.checkFromToIndex(from, to, values.length);
        return new RegularSeries(info, new TimeGrid(grid.timeAt(from), grid.stepSeconds(), to - from),
                Arrays.copyOfRange(values, from, to));
    }

    /**
     * This series placed on {@code target}, a grid of the same step and phase: steps outside this
     * series' span are missing, steps outside {@code target} are dropped.
     */
    public RegularSeries onGrid(TimeGrid target) {
        if (!grid.compatibleWith(target)) {
            throw new IllegalArgumentException("series " + key() + " on " + grid + " cannot be placed on " + target);
        }
        double[] placed = new double[target.length()];
        Arrays.fill(placed, Double.NaN);
        long offset = (grid.start() - target.start()) / grid.stepSeconds();
        for (int i = 0; i < values.length; i++) {
            long j = i + offset;
            if (j >= 0 && j < placed.length) {
                placed[(int) j] = values[i];
            }
        }
        return new RegularSeries(info, target, placed);
    }

    /**
     * Resamples onto a coarser grid of {@code stepSeconds}, a multiple of this series' step, with
     * bins aligned to multiples of the new step since the epoch (clock hours for 3600 s): a bin holds
     * every step whose start time t has {@code floor(t / stepSeconds)} equal to the bin's index.
     */
    public RegularSeries resample(long stepSeconds, Aggregation rule) {
        if (stepSeconds % grid.stepSeconds() != 0) {
            throw new IllegalArgumentException("cannot resample " + key() + " from " + grid.stepSeconds()
                    + " s to " + stepSeconds + " s: the new step must be a multiple of the old");
        }
        if (values.length == 0) {
            return new RegularSeries(info, new TimeGrid(Math.floorDiv(grid.start(), stepSeconds) * stepSeconds,
                    stepSeconds, 0), new double[0]);
        }
        long firstBin = Math.floorDiv(grid.start(), stepSeconds);
        long lastBin = Math.floorDiv(grid.last(), stepSeconds);
        double[] out = new double[Math.toIntExact(lastBin - firstBin + 1)];
        int from = 0;
        for (int b = 0; b < out.length; b++) {
            long binEnd = (firstBin + b + 1) * stepSeconds;
            int to = from;
            while (to < values.length && grid.timeAt(to) < binEnd) {
                to++;
            }
            out[b] = rule.combine(values, from, to);
            from = to;
        }
        return new RegularSeries(info, new TimeGrid(firstBin * stepSeconds, stepSeconds, out.length), out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegularSeries other && info.equals(other.info) && grid.equals(other.grid)
                && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(info, grid, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "RegularSeries[" + key() + ", " + grid + "]";
    }
}
