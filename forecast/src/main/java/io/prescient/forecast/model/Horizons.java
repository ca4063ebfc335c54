package io.prescient.forecast.model;

import io.prescient.core.TimeGrid;

/** The grid of the steps that follow a history. */
final class Horizons {

    private Horizons() {
    }

    static TimeGrid after(TimeGrid history, int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1 step, got " + horizon);
        }
        return new TimeGrid(history.end(), history.stepSeconds(), horizon);
    }
}
