package io.prescient.neural;

import io.prescient.core.TimeGrid;
import io.prescient.forecast.FittedModel;
import io.prescient.forecast.Forecast;
import io.prescient.forecast.Forecaster;
import io.prescient.forecast.History;
import io.prescient.forecast.Models;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract every registered model keeps (here, where the classical and the neural providers are
 * both on the class path), and a combination of two: quantiles that do not cross and a median that is
 * the 0.5 quantile; a forecast grid that starts where the history ends; sample paths whose marginals
 * are the forecast's quantiles and whose neighbouring steps are as correlated as the forecast
 * declares (its {@code PathCopula}); a fitted model that survives serialisation.
 */
class ModelContractTest {

    static final int DAY = 24;
    static final int HORIZON = 24;
    static final long STEP = 3600;
    static final double[] LEVELS = {0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99};

    static Stream<String> models() {
        List<String> all = new ArrayList<>(Models.names());
        all.add("naive+ets");
        return all.stream();
    }

    private static String budget;
    private static String tune;

    @BeforeAll
    static void shortTraining() {
        budget = System.getProperty("prescient.neural.budget");
        tune = System.getProperty(NeuralModels.TUNE_PROPERTY);
        System.setProperty("prescient.neural.budget", "4");
        System.setProperty(NeuralModels.TUNE_PROPERTY, "3");
    }

    @AfterAll
    static void restore() {
        restore("prescient.neural.budget", budget);
        restore(NeuralModels.TUNE_PROPERTY, tune);
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    /** Hourly demand over three weeks: a daily cycle, a slow trend and noise, well above zero. */
    static History history(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] y = new double[21 * DAY];
        for (int t = 0; t < y.length; t++) {
            y[t] = 500 + 0.5 * t + 150 * Math.sin(2 * Math.PI * t / DAY) + 20 * r.nextGaussian();
        }
        return History.of(new TimeGrid(1_700_000_000L - 1_700_000_000L % STEP, STEP, y.length), y, true);
    }

    /** Spearman rank correlation of two samples. */
    static double rankCorrelation(double[] x, double[] y) {
        double[] rx = ranks(x);
        double[] ry = ranks(y);
        double n = x.length;
        double mean = (n - 1) / 2;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (rx[i] - mean) * (ry[i] - mean);
            sxx += (rx[i] - mean) * (rx[i] - mean);
            syy += (ry[i] - mean) * (ry[i] - mean);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    private static double[] ranks(double[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
        double[] rank = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            rank[order[i]] = i;
        }
        return rank;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void theModelKeepsTheForecastContract(String name) throws Exception {
        Forecaster forecaster = Models.create(name, STEP, DAY, HORIZON);
        History history = history(1);
        if (forecaster.needsTraining()) {
            forecaster = forecaster.train(List.of(history, history(2), history(3)));
        }
        assertTrue(!forecaster.needsTraining(), name + " trained can forecast");
        FittedModel fitted = forecaster.fit(history);
        Forecast f = fitted.forecast(HORIZON);

        assertEquals(history.grid().end(), f.grid().start(), name + ": the forecast starts where the history ends");
        assertEquals(STEP, f.grid().stepSeconds(), name);
        assertEquals(HORIZON, f.horizon(), name);

        double[][] q = new double[LEVELS.length][];
        for (int k = 0; k < LEVELS.length; k++) {
            q[k] = f.quantile(LEVELS[k]);
            for (int h = 0; h < HORIZON; h++) {
                assertTrue(Double.isFinite(q[k][h]), name + ": quantile " + LEVELS[k] + " at step " + h);
                if (k > 0) {
                    assertTrue(q[k][h] >= q[k - 1][h], name + ": quantiles cross at step " + h + ": " + LEVELS[k - 1] + " -> "
                            + q[k - 1][h] + ", " + LEVELS[k] + " -> " + q[k][h]);
                }
            }
        }
        assertArrayEquals(f.quantile(0.5), f.median(), 0.0, name + ": the median is the 0.5 quantile");
        assertTrue(Arrays.stream(f.mean()).allMatch(Double::isFinite), name + ": a finite mean");

        int n = 4000;
        double[][] paths = f.samplePaths(n, new SplittableRandom(7));
        assertEquals(n, paths.length, name);
        for (int h : new int[] {0, HORIZON / 2, HORIZON - 1}) {
            for (double level : new double[] {0.1, 0.5, 0.9}) {
                double v = f.quantile(level)[h];
                long below = Arrays.stream(paths).filter(p -> p[h] <= v).count();
                assertEquals(level, (double) below / n, 0.03, name + ": share of paths below the " + level + " quantile at step " + h);
            }
        }
        double rho = f.pathCorrelation();
        double promised = 6 / Math.PI * Math.asin(rho / 2);
        for (int h : new int[] {1, HORIZON / 2, HORIZON - 2}) {
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = paths[i][h];
                y[i] = paths[i][h + 1];
            }
            assertEquals(promised, rankCorrelation(x, y), 0.04, name + ": rank correlation of steps " + h + " and " + (h + 1)
                    + " for the declared score correlation " + rho);
        }

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(fitted);
            out.writeObject(forecaster);
        }
        FittedModel back;
        Forecaster servedBack;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (FittedModel) in.readObject();
            servedBack = (Forecaster) in.readObject();
        }
        assertArrayEquals(f.quantile(0.9), back.forecast(HORIZON).quantile(0.9), 1e-9, name + ": the fitted model after serialisation");
        assertArrayEquals(f.quantile(0.9), servedBack.fit(history).forecast(HORIZON).quantile(0.9), 1e-6 * Arrays.stream(q[6]).max()
                .orElse(1), name + ": the forecaster after serialisation, fitted again");
    }
}
