package io.prescient.core;

import java.io.Serializable;

/**
 * A regular time grid: {@code length} steps of {@code stepSeconds}, the first at {@code start}
 * (Unix epoch seconds). Step {@code i} stands for the interval [start + i*step, start + (i+1)*step).
 *
 * @param start       epoch seconds of the first step
 * @param stepSeconds the step in seconds, positive
 * @param length      number of steps, zero or more
 */
public record TimeGrid(long start, long stepSeconds, int length) implements Serializable {

    /**
     * Seconds of the clock on which forecasting work is redone: a choice of model validates up to the last
     * whole hour, and sliding lookbacks start on it, so that a loop's rounds within the hour meet the same
     * history and reuse what was computed for it.
     */
    public static final long CLOCK_SECONDS = 3600;

    /** @throws IllegalArgumentException if the step is not positive or the length negative */
    public TimeGrid {
        if (stepSeconds <= 0) {
            throw new IllegalArgumentException("grid step must be positive, got " + stepSeconds + " s");
        }
        if (length < 0) {
            throw new IllegalArgumentException("grid length must not be negative, got " + length);
        }
    }

    /** The grid running from {@code first} to {@code last} inclusive, both on the grid's phase. */
    public static TimeGrid spanning(long first, long last, long stepSeconds) {
        if (last < first) {
            throw new IllegalArgumentException("grid end " + last + " is before its start " + first);
        }
        if ((last - first) % stepSeconds != 0) {
            throw new IllegalArgumentException("grid end " + last + " is not on the " + stepSeconds
                    + " s grid that starts at " + first);
        }
        return new TimeGrid(first, stepSeconds, Math.toIntExact((last - first) / stepSeconds + 1));
    }

    /** Epoch seconds of step {@code i}. */
    public long timeAt(int i) {
        return start + i * stepSeconds;
    }

    /** Epoch seconds of the last step; equals {@code start - step} for an empty grid. */
    public long last() {
        return timeAt(length - 1);
    }

    /** Epoch seconds just after the grid, i.e. the time of step {@code length}. */
    public long end() {
        return timeAt(length);
    }

    /** Whether {@code t} falls exactly on a step of this grid's phase (inside or outside its span). */
    public boolean onPhase(long t) {
        return Math.floorMod(t - start, stepSeconds) == 0;
    }

    /** The index of the step at exactly {@code t}; {@code t} must be on the grid's phase. */
    public long indexOf(long t) {
        if (!onPhase(t)) {
            throw new IllegalArgumentException("time " + t + " is not on the " + stepSeconds
                    + " s grid that starts at " + start);
        }
        return Math.floorDiv(t - start, stepSeconds);
    }

    /** Whether two grids share step and phase, so that one series can be placed on the other's grid. */
    public boolean compatibleWith(TimeGrid other) {
        return stepSeconds == other.stepSeconds && onPhase(other.start);
    }

    /** The smallest grid of this step that covers both grids; they must be compatible. */
    public TimeGrid union(TimeGrid other) {
        if (!compatibleWith(other)) {
            throw new IllegalArgumentException("grids " + this + " and " + other + " do not share step and phase");
        }
        if (length == 0) {
            return other;
        }
        if (other.length == 0) {
            return this;
        }
        return spanning(Math.min(start, other.start), Math.max(last(), other.last()), stepSeconds);
    }

    /** Steps per tick of the clock: as many whole steps as fit in an hour, or one where a step is over half an hour. */
    public long clockSteps() {
        return clockSteps(stepSeconds);
    }

    private static long clockSteps(long stepSeconds) {
        return Math.max(1, CLOCK_SECONDS / stepSeconds);
    }

    /** The largest index at or before {@code i} whose step count from the epoch is a multiple of {@code every}. */
    public int floorTo(int i, long every) {
        return i - (int) Math.floorMod(Math.floorDiv(start, stepSeconds) + i, every);
    }

    /**
     * Where a sliding lookback of at least {@code steps} steps before index {@code end} starts, if it moves on
     * whole ticks of the clock only (it then holds up to a tick's steps more); never before the grid's start.
     */
    public int lookbackStart(int end, int steps) {
        return (int) Math.max(0, (long) floorTo(end, clockSteps()) - steps);
    }

    /**
     * Where a live lookback of {@code lookbackSeconds} read at {@code now} starts, for a grid whose last step is the one
     * holding {@code now}: that far back from the last whole tick of the clock at or before the grid's end (steps
     * counted from the epoch), so that it moves on whole ticks only, as {@link #lookbackStart} does.
     */
    public static long liveLookbackStart(long now, long stepSeconds, long lookbackSeconds) {
        long end = Math.floorDiv(now, stepSeconds) + 1;
        return (end - Math.floorMod(end, clockSteps(stepSeconds))) * stepSeconds - lookbackSeconds;
    }

    /** This grid with a new length, same start and step. */
    public TimeGrid withLength(int newLength) {
        return new TimeGrid(start, stepSeconds, newLength);
    }
}
