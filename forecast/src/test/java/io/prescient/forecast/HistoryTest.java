package io.prescient.forecast;

import io.prescient.core.TimeGrid;
import io.prescient.forecast.model.SeasonalNaiveForecaster;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The covariates' future when nobody knows it: their own forecasts keep a trend beside the daily cycle. */
class HistoryTest {

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
