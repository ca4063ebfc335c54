package io.prescient.forecast.regression;

import io.prescient.core.TimeGrid;
import io.prescient.forecast.FittedModel;
import io.prescient.forecast.Forecast;
import io.prescient.forecast.History;
import io.prescient.forecast.ets.EtsForecaster;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DynamicRegressionTest {

    private static final int DAY = 24;

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /** Active users: a daily cycle plus campaigns (level shifts of random size and length) nobody can foresee from demand alone. */
    private static double[] users(int n, SplittableRandom r) {
        double[] u = new double[n];
        double campaign = 0;
        int left = 0;
        for (int t = 0; t < n; t++) {
            if (left-- <= 0) {
                campaign = r.nextDouble() < 0.5 ? 0 : 200 + 600 * r.nextDouble();
                left = 6 + r.nextInt(30);
            }
            u[t] = 1000 + 300 * Math.sin(2 * Math.PI * t / DAY) + campaign;
        }
        return u;
    }

    /** CPU demand = 0.05 per user + AR(1) noise. */
    private static double[] demand(double[] users, SplittableRandom r) {
        double[] y = new double[users.length];
        double e = 0;
        for (int t = 0; t < y.length; t++) {
            e = 0.6 * e + 2 * gaussian(r);
            y[t] = 0.05 * users[t] + e;
        }
        return y;
    }

    @Test
    void beatsTheUnivariateModelWhenDemandDependsOnACovariate() {
        SplittableRandom r = new SplittableRandom(21);
        double[] u = users(DAY * 40, r);
        double[] y = demand(u, r);
        double regressionError = 0;
        double univariateError = 0;
        int covered = 0;
        int points = 0;
        for (int origin = DAY * 28; origin + DAY <= y.length; origin += DAY) {
            TimeGrid grid = new TimeGrid(0, 3600, origin);
            History withUsers = new History(grid, Arrays.copyOf(y, origin), Map.of("users", Arrays.copyOf(u, origin)), true);
            Forecast regression = DynamicRegressionForecaster.forStep(3600).fit(withUsers)
                    .forecast(DAY, Map.of("users", Arrays.copyOfRange(u, origin, origin + DAY)));
            Forecast univariate = EtsForecaster.forStep(3600).fit(History.of(grid, Arrays.copyOf(y, origin), true)).forecast(DAY);
            double[] lo = regression.quantile(0.1);
            double[] hi = regression.quantile(0.9);
            for (int h = 0; h < DAY; h++) {
                double actual = y[origin + h];
                regressionError += Math.abs(regression.median()[h] - actual);
                univariateError += Math.abs(univariate.median()[h] - actual);
                covered += actual >= lo[h] && actual <= hi[h] ? 1 : 0;
                points++;
            }
        }
        assertTrue(regressionError < 0.5 * univariateError,
                "regression MAE " + regressionError / points + " vs univariate " + univariateError / points);
        assertEquals(0.8, (double) covered / points, 0.08);
    }

    @Test
    void recoversTheCovariateEffectAndTheErrorProcess() {
        SplittableRandom r = new SplittableRandom(5);
        double[] u = users(DAY * 30, r);
        double[] y = demand(u, r);
        FittedModel fitted = new DynamicRegressionForecaster(DAY, 3, 3, 10_000)
                .fit(new History(new TimeGrid(0, 3600, y.length), y, Map.of("users", u), true));
        @SuppressWarnings("unchecked")
        List<Double> coefficients = (List<Double>) fitted.parameters().get("coefficients");
        @SuppressWarnings("unchecked")
        List<Double> ar = (List<Double>) fitted.parameters().get("ar");
        assertEquals(0.05, coefficients.get(1), 0.005);
        assertEquals(0.6, ar.get(0), 0.08);
        assertEquals(4.0, (double) fitted.parameters().get("sigma2"), 0.5);
    }

    @Test
    void covariatesAreReadInNameOrderWhateverOrderTheyCameIn() {
        SplittableRandom r = new SplittableRandom(6);
        double[] u = users(DAY * 20, r);
        double[] y = demand(u, r);
        double[] sessions = users(DAY * 20, r);
        java.util.LinkedHashMap<String, double[]> usersFirst = new java.util.LinkedHashMap<>();
        usersFirst.put("users", u);
        usersFirst.put("sessions", sessions);
        java.util.LinkedHashMap<String, double[]> sessionsFirst = new java.util.LinkedHashMap<>();
        sessionsFirst.put("sessions", sessions);
        sessionsFirst.put("users", u);
        TimeGrid grid = new TimeGrid(0, 3600, y.length);
        FittedModel a = DynamicRegressionForecaster.forStep(3600).fit(new History(grid, y, usersFirst, true));
        FittedModel b = DynamicRegressionForecaster.forStep(3600).fit(new History(grid, y, sessionsFirst, true));
        assertEquals(List.of("sessions", "users"), a.parameters().get("regressors"));
        assertEquals(a.parameters(), b.parameters());
    }

    @Test
    void autoregressiveVarianceFollowsThePsiWeights() {
        ArErrors ar1 = new ArErrors(new double[] {0.5}, 2.0);
        double[] v = ar1.variance(5);
        for (int h = 1; h <= 5; h++) {
            assertEquals(2.0 * (1 - Math.pow(0.25, h)) / (1 - 0.25), v[h - 1], 1e-12);
        }
        assertEquals(0.5 * 0.5 * 4, ar1.forecast(new double[] {4}, 2)[1], 1e-12);
    }

    @Test
    void missingFutureCovariatesAreNamedInTheError() {
        SplittableRandom r = new SplittableRandom(8);
        double[] u = users(DAY * 20, r);
        double[] y = demand(u, r);
        FittedModel fitted = DynamicRegressionForecaster.forStep(3600)
                .fit(new History(new TimeGrid(0, 3600, y.length), y, Map.of("users", u), true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fitted.forecast(24));
        assertTrue(e.getMessage().contains("'users'"), e.getMessage());
    }

    @Test
    void missingValuesInTargetAndCovariateAreSkipped() {
        SplittableRandom r = new SplittableRandom(13);
        double[] u = users(DAY * 20, r);
        double[] y = demand(u, r);
        for (int t = 50; t < 80; t++) {
            y[t] = Double.NaN;
        }
        u[200] = Double.NaN;
        FittedModel fitted = DynamicRegressionForecaster.forStep(3600)
                .fit(new History(new TimeGrid(0, 3600, y.length), y, Map.of("users", u), true));
        double[] median = fitted.forecast(24, Map.of("users", users(24, r))).median();
        assertTrue(Arrays.stream(median).allMatch(Double::isFinite));
    }
}
