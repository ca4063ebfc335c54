package io.prescient.core;

import java.util.List;

/**
 * Many series of one metric on one common grid: the unit a backtest or a fleet-wide forecast works
 * on (e.g. the CPU usage of every VM of a month, from the earliest step of any VM to the latest).
 */
public record Panel(TimeGrid grid, List<RegularSeries> series) {

    /** @throws IllegalArgumentException if a series is not on the panel's grid */
    public Panel {
        series = List.copyOf(series);
        for (RegularSeries s : series) {
            if (!s.grid().equals(grid)) {
                throw new IllegalArgumentException("series " + s.key() + " is on " + s.grid() + ", not the panel's " + grid);
            }
        }
    }

    /** The series placed on their common grid. */
    public static Panel aligned(List<RegularSeries> series) {
        TimeGrid grid = Alignment.commonGrid(series);
        return new Panel(grid, series.stream().map(s -> s.onGrid(grid)).toList());
    }

    /** Every series resampled with {@code rule} to {@code stepSeconds}, on the resulting common grid. */
    public Panel resample(long stepSeconds, Aggregation rule) {
        if (stepSeconds == grid.stepSeconds()) {
            return this;
        }
        return aligned(series.stream().map(s -> s.resample(stepSeconds, rule)).toList());
    }

    /**
     * The panel as it was at {@code time} (epoch seconds): every series cut after the last step that
     * starts at or before it, as if the data had stopped there. A validation month for choosing models
     * is the data cut some days before its end, so that nothing chosen on it has seen the last days.
     *
     * @throws IllegalArgumentException if the panel starts after {@code time}
     */
    public Panel until(long time) {
        if (time < grid.start()) {
            throw new IllegalArgumentException("nothing is left before " + java.time.Instant.ofEpochSecond(time)
                    + ": the data start at " + java.time.Instant.ofEpochSecond(grid.start()));
        }
        int steps = (int) Math.min(grid.length(), Math.floorDiv(time - grid.start(), grid.stepSeconds()) + 1);
        if (steps == grid.length()) {
            return this;
        }
        return new Panel(new TimeGrid(grid.start(), grid.stepSeconds(), steps), series.stream().map(s -> s.slice(0, steps)).toList());
    }

    /** Missing points over all series and steps, as a share of all points. */
    public double missingFraction() {
        long missing = series.stream().mapToLong(s -> s.gaps().missing()).sum();
        long total = (long) series.size() * grid.length();
        return total == 0 ? 0 : (double) missing / total;
    }
}
