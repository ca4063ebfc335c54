package io.prescient.forecast.regression;

import io.prescient.core.Steps;
import io.prescient.core.TimeGrid;
import io.prescient.forecast.FittedModel;
import io.prescient.forecast.Forecast;
import io.prescient.forecast.Forecaster;
import io.prescient.forecast.History;
import io.prescient.forecast.ScaledResidualForecast;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.QRDecomposition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Regression with autoregressive errors (a dynamic regression, Hyndman and Athanasopoulos ch. 10):
 * y_t = b'x_t + e_t, x_t = (1, covariates, daily Fourier terms), e_t an AR(p) process, p by AICc.
 * The coefficients come from least squares on the complete rows of the last {@code maxFitLength}
 * steps, the error model from the residuals. Forecasting needs every covariate's known future
 * values; bands scale the model's own standardised one-step errors by the AR forecast variance.
 */
public final class DynamicRegressionForecaster implements Forecaster {

    private static final double[] LEVELS = java.util.stream.IntStream.rangeClosed(1, 99).mapToDouble(k -> k / 100.0).toArray();

    private final int season;
    private final int harmonics;
    private final int maxArOrder;
    private final int maxFitLength;

    /**
     * @param season       season of the Fourier terms in steps (0: none)
     * @param harmonics    Fourier pairs
     * @param maxArOrder   highest AR order tried for the errors
     * @param maxFitLength most recent steps fitted
     */
    public DynamicRegressionForecaster(int season, int harmonics, int maxArOrder, int maxFitLength) {
        if (maxArOrder < 0 || harmonics < 0 || maxFitLength < 10) {
            throw new IllegalArgumentException("need maxArOrder >= 0, harmonics >= 0, maxFitLength >= 10");
        }
        this.season = season;
        this.harmonics = harmonics;
        this.maxArOrder = maxArOrder;
        this.maxFitLength = maxFitLength;
    }

    /** Daily Fourier terms (3 pairs), AR errors up to order 3, the last two weeks fitted. */
    public static DynamicRegressionForecaster forStep(long stepSeconds) {
        return daily(Steps.season(stepSeconds));
    }

    /** The same with a daily season of {@code daily} steps (1: no Fourier terms). */
    public static DynamicRegressionForecaster daily(int daily) {
        return new DynamicRegressionForecaster(daily, 3, 3, Math.max(14 * daily, 200));
    }

    @Override
    public String name() {
        return "dynreg";
    }

    @Override
    public boolean readsCovariates() {
        return true;
    }

    @Override
    public FittedModel fit(History history) {
        Map<String, double[]> covariates = history.covariates();
        Regressors regressors = new Regressors(new ArrayList<>(covariates.keySet()), season, harmonics);
        int n = history.length();
        int from = Math.max(0, n - maxFitLength);
        double[] y = history.target();
        List<double[]> rows = new ArrayList<>();
        List<Double> targets = new ArrayList<>();
        double[][] design = new double[n - from][];
        for (int i = from; i < n; i++) {
            double[] row = new double[regressors.width()];
            if (regressors.row(history.grid().start() / history.grid().stepSeconds() + i, covariates, i, row)) {
                design[i - from] = row;
                if (!Double.isNaN(y[i])) {
                    rows.add(row);
                    targets.add(y[i]);
                }
            }
        }
        if (rows.size() < regressors.width() + 10) {
            throw new IllegalArgumentException("dynamic regression needs at least " + (regressors.width() + 10)
                    + " complete steps, the history has " + rows.size());
        }
        double[] beta = new QRDecomposition(new Array2DRowRealMatrix(rows.toArray(double[][]::new), false), 1e-10)
                .getSolver().solve(new ArrayRealVector(targets.stream().mapToDouble(Double::doubleValue).toArray(), false))
                .toArray();
        double[] residuals = new double[n - from];
        for (int i = from; i < n; i++) {
            double[] row = design[i - from];
            residuals[i - from] = row == null || Double.isNaN(y[i]) ? Double.NaN : y[i] - dot(beta, row);
        }
        ArErrors errors = ArErrors.fit(residuals, maxArOrder);
        double[] innovations = innovations(residuals, errors);
        double[] recent = Arrays.copyOfRange(residuals, Math.max(0, residuals.length - errors.phi().length), residuals.length);
        return new Fitted(history.grid(), regressors, beta, errors, recent,
                ScaledResidualForecast.standardise(innovations, LEVELS), history.nonNegative());
    }

    private static double[] innovations(double[] e, ArErrors errors) {
        int p = errors.phi().length;
        double[] out = new double[e.length];
        int count = 0;
        for (int t = p; t < e.length; t++) {
            double v = e[t];
            boolean complete = !Double.isNaN(v);
            for (int i = 0; i < p && complete; i++) {
                complete = !Double.isNaN(e[t - 1 - i]);
                v -= complete ? errors.phi()[i] * e[t - 1 - i] : 0;
            }
            if (complete) {
                out[count++] = v;
            }
        }
        return Arrays.copyOf(out, count);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    record Fitted(TimeGrid history, Regressors regressors, double[] beta, ArErrors errors, double[] recentResiduals,
                  double[] standardErrors, boolean nonNegative) implements FittedModel {

        @Override
        public Forecast forecast(int horizon, Map<String, double[]> futureCovariates) {
            for (String name : regressors.covariates()) {
                double[] future = futureCovariates.get(name);
                if (future == null || future.length < horizon) {
                    throw new IllegalArgumentException("dynamic regression needs the future values of covariate '" + name
                            + "' for " + horizon + " steps, got " + (future == null ? "none" : future.length));
                }
            }
            double[] mean = errors.forecast(recentResiduals, horizon);
            double[] variance = errors.variance(horizon);
            double[] sd = new double[horizon];
            double[] row = new double[regressors.width()];
            long first = history.end() / history.stepSeconds();
            for (int h = 0; h < horizon; h++) {
                if (!regressors.row(first + h, futureCovariates, h, row)) {
                    throw new IllegalArgumentException("future covariate value missing at step " + (h + 1));
                }
                mean[h] += dot(beta, row);
                sd[h] = Math.sqrt(variance[h]);
            }
            return new ScaledResidualForecast(new TimeGrid(history.end(), history.stepSeconds(), horizon), "dynreg",
                    mean, sd, LEVELS, standardErrors, nonNegative ? 0 : Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        }

        @Override
        public Map<String, Object> parameters() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("regressors", regressors.covariates());
            p.put("harmonics", regressors.harmonics());
            p.put("coefficients", Arrays.stream(beta).boxed().toList());
            p.put("ar", Arrays.stream(errors.phi()).boxed().toList());
            p.put("sigma2", errors.sigma2());
            return p;
        }
    }
}
