package io.prescient.io.read;

import io.prescient.core.RegularSeries;
import io.prescient.core.grid.Repairs;

import java.util.List;

/**
 * Everything read from one file: its series (all written together or not at all), the number of
 * data rows and what was repaired on the way.
 */
public record ReadResult(String source, List<RegularSeries> series, long rows, Repairs repairs) {

    public ReadResult {
        series = List.copyOf(series);
    }
}
