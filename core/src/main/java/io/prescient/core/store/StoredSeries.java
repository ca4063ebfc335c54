package io.prescient.core.store;

import io.prescient.core.SeriesInfo;
import io.prescient.core.SeriesKey;
import io.prescient.core.TimeGrid;

import java.time.Instant;

/**
 * What the store knows about a series without loading its values.
 *
 * @param info       identity, unit and labels
 * @param grid       the series' own grid
 * @param present    steps that hold a value
 * @param source     where it was ingested from (a file path, a query)
 * @param ingestedAt when its current values were written
 */
public record StoredSeries(SeriesInfo info, TimeGrid grid, int present, String source, Instant ingestedAt) {

    public SeriesKey key() {
        return info.key();
    }

    public int missing() {
        return grid.length() - present;
    }
}
