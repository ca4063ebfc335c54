package io.prescient.forecast;

import io.prescient.core.TimeGrid;
import io.prescient.forecast.model.SeasonalNaiveForecaster;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The covariates' future when nobody knows it (their own forecasts keep a trend beside the daily cycle), and what a head holds. */
class HistoryTest {

    @Test
    void aFingerprintIsWhatTheHeadHoldsAndNothingAfterIt() {
        TimeGrid grid = new TimeGrid(600, 300, 6);
        double[] y = {1, 2, Double.NaN, 4, 5, 6};
        double[] u = {10, 20, 30, 40, 50, 60};
        History h = new History(grid, y, Map.of("users", u), true);
        double[] later = y.clone();
        later[5] = 99;
        assertEquals(h.fingerprint(5), new History(grid, later, Map.of("users", u), true).fingerprint(5));
        assertNotEquals(h.fingerprint(6), new History(grid, later, Map.of("users", u), true).fingerprint(6));
        double[] changed = y.clone();
        changed[0] = 1.0000001;
        assertNotEquals(h.fingerprint(5), new History(grid, changed, Map.of("users", u), true).fingerprint(5));
        double[] v = u.clone();
        v[1] = 21;
        assertNotEquals(h.fingerprint(5), new History(grid, y, Map.of("users", v), true).fingerprint(5));
        assertNotEquals(h.fingerprint(5), new History(grid, y, Map.of("sessions", u), true).fingerprint(5));
        assertNotEquals(h.fingerprint(5), new History(grid, y, Map.of("users", u), false).fingerprint(5));
        assertNotEquals(h.fingerprint(5), new History(new TimeGrid(900, 300, 6), y, Map.of("users", u), true).fingerprint(5));
        assertNotEquals(h.fingerprint(4), h.fingerprint(5));
        assertThrows(IllegalArgumentException.class, () -> h.fingerprint(7));
    }

    @Test
    void covariateForecastsKeepTheirTrendAndSeason() {
        SplittableRandom r = new SplittableRandom(3);
        double[] users = new double[24 * 21];
        for (int t = 0; t < users.length; t++) {
            users[t] = 100 + 2 * t + 60 * Math.sin(2 * Math.PI * (t % 24) / 24.0) + r.nextGaussian() * 3;
        }
        double own = 0;
        double seasonalNaive = 0;
        for (int origin = users.length - 48; origin <= users.length - 12; origin += 6) {
            TimeGrid grid = new TimeGrid(0, 3600, origin);
            History h = new History(grid, new double[origin], Map.of("users", Arrays.copyOf(users, origin)), true);
            double[] ahead = h.covariatesAhead(12, 24).get("users");
            double[] naive = new SeasonalNaiveForecaster(24).fit(History.of(grid, Arrays.copyOf(users, origin), true)).forecast(12).median();
            for (int k = 0; k < 12; k++) {
                own += Math.abs(ahead[k] - users[origin + k]);
                seasonalNaive += Math.abs(naive[k] - users[origin + k]);
            }
        }
        assertTrue(own < 0.2 * seasonalNaive, "covariate forecast error " + own + " vs seasonal naive's " + seasonalNaive);
    }
}
