package io.prescient.forecast.regression;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The columns of the regression: an intercept, the named covariates in order, and {@code harmonics}
 * sine/cosine pairs of the season, whose phase is the absolute step index on the history's grid.
 *
 * @param covariates covariate names, in column order
 * @param season     season length in steps (0 or 1: no Fourier terms)
 * @param harmonics  Fourier pairs
 */
public record Regressors(List<String> covariates, int season, int harmonics) implements Serializable {

    public Regressors {
        covariates = List.copyOf(covariates);
        if (season < 2) {
            harmonics = 0;
        }
    }

    public int width() {
        return 1 + covariates.size() + 2 * harmonics;
    }

    /**
     * Fills {@code row} for step {@code t}, reading covariate values at index {@code i} of {@code values}.
     *
     * @return false if a covariate value is missing
     */
    public boolean row(long t, Map<String, double[]> values, int i, double[] row) {
        row[0] = 1;
        int c = 1;
        for (String name : covariates) {
            double v = values.get(name)[i];
            if (Double.isNaN(v)) {
                return false;
            }
            row[c++] = v;
        }
        for (int k = 1; k <= harmonics; k++) {
            double angle = 2 * Math.PI * k * (t % season) / season;
            row[c++] = Math.sin(angle);
            row[c++] = Math.cos(angle);
        }
        return true;
    }
}
