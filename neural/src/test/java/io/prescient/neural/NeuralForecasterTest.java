package io.prescient.neural;

import io.prescient.core.TimeGrid;
import io.prescient.forecast.FittedModel;
import io.prescient.forecast.Forecast;
import io.prescient.forecast.Forecaster;
import io.prescient.forecast.History;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NeuralForecasterTest {

    private static final int DAY = 24;
    private static final int DAYS = 30;
    private static final int HORIZON = 24;

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /** Active users with unforeseeable campaigns; demand follows users (with a series-specific size) plus noise. */
    private record Fleet(List<double[]> demand, List<double[]> users) {
        static Fleet of(int series, long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            List<double[]> ys = new ArrayList<>();
            List<double[]> us = new ArrayList<>();
            for (int i = 0; i < series; i++) {
                double size = 0.5 + r.nextDouble();
                double[] u = new double[DAY * DAYS];
                double[] y = new double[u.length];
                double campaign = 0;
                int left = 0;
                for (int t = 0; t < u.length; t++) {
                    if (left-- <= 0) {
                        campaign = r.nextDouble() < 0.5 ? 0 : 400 + 800 * r.nextDouble();
                        left = 4 + r.nextInt(20);
                    }
                    u[t] = 1000 + 300 * Math.sin(2 * Math.PI * t / DAY) + campaign;
                    y[t] = size * (0.05 * u[t] + 2 * gaussian(r));
                }
                ys.add(y);
                us.add(u);
            }
            return new Fleet(ys, us);
        }

        History history(int i, int length, boolean withUsers) {
            TimeGrid grid = new TimeGrid(0, 3600, length);
            double[] y = Arrays.copyOf(demand.get(i), length);
            return withUsers ? new History(grid, y, Map.of("users", Arrays.copyOf(users.get(i), length)), true)
                    : History.of(grid, y, true);
        }
    }

    private static NeuralSpec tiny(NeuralSpec.Architecture architecture, List<String> covariates) {
        return new NeuralSpec(architecture, 48, HORIZON, DAY, covariates, 16, 1, 2, NeuralSpec.LEVELS, 64, 64, 15, 15, 600,
                5e-3, 7);
    }

    private static double meanAbsoluteError(Fleet fleet, Forecaster trained, boolean withUsers, int origin) {
        double error = 0;
        int n = 0;
        for (int i = 0; i < fleet.demand().size(); i++) {
            FittedModel fitted = trained.fit(fleet.history(i, origin, withUsers));
            Map<String, double[]> future = withUsers
                    ? Map.of("users", Arrays.copyOfRange(fleet.users().get(i), origin, origin + HORIZON)) : Map.of();
            double[] median = fitted.forecast(HORIZON, future).median();
            for (int h = 0; h < HORIZON; h++) {
                error += Math.abs(median[h] - fleet.demand().get(i)[origin + h]);
                n++;
            }
        }
        return error / n;
    }

    @ParameterizedTest
    @EnumSource(NeuralSpec.Architecture.class)
    void theModelUsesAKnownCovariate(NeuralSpec.Architecture architecture) throws Exception {
        Fleet fleet = Fleet.of(24, 11);
        int origin = DAY * (DAYS - 2);
        List<History> withUsers = new ArrayList<>();
        List<History> without = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            withUsers.add(fleet.history(i, origin, true));
            without.add(fleet.history(i, origin, false));
        }
        Forecaster covariateModel = new NeuralForecaster("net", tiny(architecture, List.of("users")), line -> { }).train(withUsers);
        Forecaster plainModel = new NeuralForecaster("net", tiny(architecture, List.of()), line -> { }).train(without);
        double withError = meanAbsoluteError(fleet, covariateModel, true, origin) + meanAbsoluteError(fleet, covariateModel, true, origin + DAY);
        double withoutError = meanAbsoluteError(fleet, plainModel, false, origin) + meanAbsoluteError(fleet, plainModel, false, origin + DAY);
        assertTrue(withError < 0.7 * withoutError, architecture + ": MAE with users " + withError / 2 + ", without " + withoutError / 2);

        FittedModel fitted = covariateModel.fit(fleet.history(0, origin, true));
        Map<String, double[]> future = Map.of("users", Arrays.copyOfRange(fleet.users().get(0), origin, origin + HORIZON));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(fitted);
        }
        FittedModel back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (FittedModel) in.readObject();
        }
        Forecast a = fitted.forecast(HORIZON, future);
        Forecast b = back.forecast(HORIZON, future);
        assertArrayEquals(a.quantile(0.9), b.quantile(0.9), 1e-9);

        List<History> some = List.of(fleet.history(0, origin, true), fleet.history(1, origin, true));
        List<Map<String, double[]>> futures = List.of(future,
                Map.of("users", Arrays.copyOfRange(fleet.users().get(1), origin, origin + HORIZON)));
        List<Forecast> batched = covariateModel.forecastAll(some, HORIZON, futures);
        for (int i = 0; i < some.size(); i++) {
            assertArrayEquals(covariateModel.fit(some.get(i)).forecast(HORIZON, futures.get(i)).quantile(0.1),
                    batched.get(i).quantile(0.1), 1e-4, "batched and single forecasts of series " + i);
        }

        // simulated futures of one series' covariate: encoded once, decoded per future, as each alone
        List<Map<String, double[]>> simulated = new ArrayList<>();
        for (double factor : new double[] {1, 2, 0.5, 3}) {
            simulated.add(Map.of("users", Arrays.stream(future.get("users")).map(u -> factor * u).toArray()));
        }
        List<Forecast> together = fitted.forecastAll(HORIZON, simulated);
        for (int i = 0; i < simulated.size(); i++) {
            Forecast alone = fitted.forecast(HORIZON, simulated.get(i));
            assertArrayEquals(alone.quantile(0.1), together.get(i).quantile(0.1), 1e-3, "future " + i + ", P10");
            assertArrayEquals(alone.quantile(0.9), together.get(i).quantile(0.9), 1e-3, "future " + i + ", P90");
        }
        assertTrue(together.get(1).median()[HORIZON / 2] != together.get(0).median()[HORIZON / 2], "the futures differ");
    }
}
