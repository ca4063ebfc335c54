package io.prescient.forecast.regression;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealVector;

import java.io.Serializable;

/**
 * A zero-mean autoregressive error process e_t = sum_i phi_i e_{t-i} + w_t, fitted by least squares
 * on the complete stretches of the residual series, its order chosen by AICc.
 *
 * @param phi    coefficients, phi[0] for lag 1
 * @param sigma2 innovation variance
 */
public record ArErrors(double[] phi, double sigma2) implements Serializable {

    /** Fits orders 0..maxOrder and keeps the one with the smallest AICc; NaN residuals break stretches. */
    public static ArErrors fit(double[] residuals, int maxOrder) {
        ArErrors best = null;
        double bestAicc = Double.POSITIVE_INFINITY;
        for (int p = 0; p <= maxOrder; p++) {
            Candidate c = fitOrder(residuals, p, maxOrder);
            if (c != null && c.aicc < bestAicc) {
                bestAicc = c.aicc;
                best = c.model;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("too few complete residuals to fit an error model");
        }
        return best;
    }

    private record Candidate(ArErrors model, double aicc) {
    }

    /** All orders are fitted on the same rows (those with maxOrder complete lags), so their AICc compare. */
    private static Candidate fitOrder(double[] e, int p, int maxOrder) {
        int rows = 0;
        for (int t = maxOrder; t < e.length; t++) {
            if (complete(e, t, maxOrder)) {
                rows++;
            }
        }
        if (rows < p + 5) {
            return null;
        }
        double[][] x = new double[rows][Math.max(p, 1)];
        double[] y = new double[rows];
        int r = 0;
        for (int t = maxOrder; t < e.length; t++) {
            if (complete(e, t, maxOrder)) {
                for (int i = 0; i < p; i++) {
                    x[r][i] = e[t - 1 - i];
                }
                y[r++] = e[t];
            }
        }
        double[] phi = new double[p];
        double sse;
        if (p == 0) {
            sse = 0;
            for (double v : y) {
                sse += v * v;
            }
        } else {
            RealVector coef = new QRDecomposition(new Array2DRowRealMatrix(x, false)).getSolver()
                    .solve(new ArrayRealVector(y, false));
            phi = coef.toArray();
            sse = 0;
            for (int i = 0; i < rows; i++) {
                double fit = 0;
                for (int j = 0; j < p; j++) {
                    fit += phi[j] * x[i][j];
                }
                sse += (y[i] - fit) * (y[i] - fit);
            }
        }
        double sigma2 = Math.max(sse / rows, 1e-12);
        int k = p + 1;
        double aicc = rows * Math.log(sigma2) + 2.0 * k + 2.0 * k * (k + 1) / Math.max(1, rows - k - 1);
        return new Candidate(new ArErrors(phi, sigma2), aicc);
    }

    private static boolean complete(double[] e, int t, int lags) {
        for (int i = 0; i <= lags; i++) {
            if (Double.isNaN(e[t - i])) {
                return false;
            }
        }
        return true;
    }

    /** Forecasts of the error for steps 1..horizon from the most recent values (last = most recent; NaN read as 0). */
    public double[] forecast(double[] recent, int horizon) {
        int p = phi.length;
        double[] buffer = new double[p + horizon];
        for (int i = 0; i < p; i++) {
            int idx = recent.length - p + i;
            double v = idx >= 0 ? recent[idx] : 0;
            buffer[i] = Double.isNaN(v) ? 0 : v;
        }
        double[] out = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            double v = 0;
            for (int i = 0; i < p; i++) {
                v += phi[i] * buffer[p + h - 1 - i];
            }
            buffer[p + h] = v;
            out[h] = v;
        }
        return out;
    }

    /** Forecast variance for steps 1..horizon: sigma2 times the running sum of squared psi-weights. */
    public double[] variance(int horizon) {
        double[] psi = new double[horizon];
        double[] out = new double[horizon];
        double sum = 0;
        for (int j = 0; j < horizon; j++) {
            double v = j == 0 ? 1 : 0;
            for (int i = 0; i < phi.length && i < j; i++) {
                v += phi[i] * psi[j - 1 - i];
            }
            psi[j] = v;
            sum += v * v;
            out[j] = sigma2 * sum;
        }
        return out;
    }
}
