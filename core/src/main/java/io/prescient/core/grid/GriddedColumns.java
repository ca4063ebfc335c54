package io.prescient.core.grid;

import io.prescient.core.TimeGrid;

/**
 * Columns of values placed on one regular grid, NaN where a bin had no row.
 *
 * @param grid    the grid
 * @param columns one array per column, each {@code grid.length()} long
 * @param repairs what was repaired to get here
 */
public record GriddedColumns(TimeGrid grid, double[][] columns, Repairs repairs) {

    public double[] column(int i) {
        return columns[i].clone();
    }
}
