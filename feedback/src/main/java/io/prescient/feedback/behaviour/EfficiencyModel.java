package io.prescient.feedback.behaviour;

import io.prescient.feedback.world.HistoryRow;
import org.hipparchus.stat.regression.OLSMultipleLinearRegression;

import java.util.List;

/**
 * Efficiency work as a function of pressure, capability and time:
 * e[t] = e[t-1] + rate (ceiling x (1 - exp(-t / learningDays)) x pressure[t] - e[t-1]).
 * For each candidate learning time the model is linear in (rate x ceiling, rate) and is fitted by
 * least squares; the learning time with the smallest squared error is kept. Standard errors come
 * from the regression (the learning time is taken as known once chosen).
 */
public record EfficiencyModel(Estimate rate, Estimate ceiling, double learningDays) {

    static final double[] LEARNING_DAYS = {15, 30, 45, 60, 90, 120, 180, 240, 365};

    public static EfficiencyModel fit(List<HistoryRow> history) {
        EfficiencyModel best = null;
        double bestError = Double.POSITIVE_INFINITY;
        int n = history.size() - 1;
        for (double learning : LEARNING_DAYS) {
            double[] y = new double[n];
            double[][] x = new double[n][2];
            for (int t = 1; t <= n; t++) {
                HistoryRow r = history.get(t);
                double previous = history.get(t - 1).efficiencyGains();
                y[t - 1] = r.efficiencyGains() - previous;
                x[t - 1][0] = (1 - Math.exp(-t / learning)) * r.utilizationPressure();
                x[t - 1][1] = -previous;
            }
            OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
            ols.setNoIntercept(true);
            ols.newSampleData(y, x);
            double[] beta;
            double[] se;
            try {
                beta = ols.estimateRegressionParameters();
                se = ols.estimateRegressionParametersStandardErrors();
            } catch (RuntimeException singular) {
                continue;
            }
            double error = ols.calculateResidualSumOfSquares();
            if (error < bestError && beta[1] > 0) {
                bestError = error;
                double rate = beta[1];
                double ceiling = beta[0] / rate;
                double ceilingSe = Math.abs(ceiling) * Math.hypot(se[0] / Math.max(1e-12, Math.abs(beta[0])), se[1] / rate);
                best = new EfficiencyModel(new Estimate("rate", rate, se[1]), new Estimate("ceiling", ceiling, ceilingSe), learning);
            }
        }
        if (best == null) {
            return new EfficiencyModel(new Estimate("rate", 0.1, 0), new Estimate("ceiling", 0, 0), 60);
        }
        return best;
    }

    /** Tomorrow's efficiency from today's, on day t under the pressure felt. */
    public double next(double efficiency, int t, double pressure) {
        double target = ceiling.value() * (1 - Math.exp(-t / learningDays)) * pressure;
        return efficiency + rate.value() * (target - efficiency);
    }
}
