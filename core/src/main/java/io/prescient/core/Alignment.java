package io.prescient.core;

import java.util.List;

/** Places several series of one step on one common grid, the span from the earliest to the latest step of any. */
public final class Alignment {

    private Alignment() {
    }

    /** The smallest grid covering every series; they must share step and phase. */
    public static TimeGrid commonGrid(List<RegularSeries> series) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("cannot align an empty list of series");
        }
        TimeGrid grid = series.get(0).grid();
        for (RegularSeries s : series) {
            grid = grid.union(s.grid());
        }
        return grid;
    }

    /** Every series on the common grid, missing where it has no step. */
    public static List<RegularSeries> onCommonGrid(List<RegularSeries> series) {
        TimeGrid grid = commonGrid(series);
        return series.stream().map(s -> s.onGrid(grid)).toList();
    }
}
