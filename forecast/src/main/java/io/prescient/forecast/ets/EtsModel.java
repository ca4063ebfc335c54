package io.prescient.forecast.ets;

import java.io.Serializable;

/**
 * A fitted ETS model: its form, smoothing parameters, the states after the last observation, the
 * error variance and the information criterion it was chosen by.
 *
 * @param spec    the form
 * @param alpha   level smoothing
 * @param beta    trend smoothing (0 without trend)
 * @param gamma   season smoothing (0 without season)
 * @param phi     damping (1 unless damped)
 * @param level   level after the last observation
 * @param slope   trend after the last observation
 * @param season  seasonal states, {@code season[i]} for the i-th step after the last observation (mod m)
 * @param sigma2  variance of the errors (relative errors for a multiplicative error)
 * @param aicc    corrected Akaike information criterion of the fit
 * @param n       observations fitted
 * @param errorQuantiles the fitted one-step errors divided by their root mean square, at {@link #ERROR_LEVELS}
 */
public record EtsModel(EtsSpec spec, double alpha, double beta, double gamma, double phi, double level, double slope,
                       double[] season, double sigma2, double aicc, int n, double[] errorQuantiles)
        implements Serializable {

    /** Levels 0.01, 0.02, ..., 0.99 at which the standardised errors are kept. */
    public static final double[] ERROR_LEVELS = java.util.stream.IntStream.rangeClosed(1, 99).mapToDouble(k -> k / 100.0).toArray();


    /** Mean forecast for steps 1..horizon. */
    public double[] mean(int horizon) {
        double[] out = new double[horizon];
        double damp = 0;
        double phiPower = 1;
        for (int h = 0; h < horizon; h++) {
            phiPower *= phi;
            damp += phiPower;
            double base = level + (spec.hasTrend() ? damp * slope : 0);
            out[h] = switch (spec.season()) {
                case NONE -> base;
                case ADDITIVE -> base + season[h % season.length];
                case MULTIPLICATIVE -> base * season[h % season.length];
            };
        }
        return out;
    }

    /**
     * Forecast variance for steps 1..horizon: sigma^2 (1 + sum_{j<h} c_j^2) with
     * c_j = alpha + beta (phi + ... + phi^j) + gamma [j a multiple of m], exact for the additive-error
     * forms and, scaled by the squared mean, the usual approximation for the multiplicative ones.
     */
    public double[] variance(int horizon) {
        double[] mean = mean(horizon);
        double[] out = new double[horizon];
        int m = season.length;
        double sumSquares = 0;
        double damp = 0;
        double phiPower = 1;
        for (int h = 0; h < horizon; h++) {
            double v = sigma2 * (1 + sumSquares);
            out[h] = spec.multiplicativeError() ? v * mean[h] * mean[h] : v;
            int j = h + 1;
            phiPower *= phi;
            damp += phiPower;
            double c = alpha + (spec.hasTrend() ? beta * damp : 0) + (spec.seasonal() && j % m == 0 ? gamma : 0);
            sumSquares += c * c;
        }
        return out;
    }
}
