package io.prescient.plan.montecarlo;

import io.prescient.forecast.Forecast;
import io.prescient.forecast.MarginalForecast;
import io.prescient.forecast.PathCopula;

/**
 * A forecast's quantile function tabulated per step on a grid of standard-normal scores, so a
 * normal draw z becomes demand with one interpolated lookup instead of a distribution-function
 * evaluation: values at z = -4, -3.95, ..., 4 (levels 3e-5 to 0.99997), held flat beyond. Paths
 * are drawn over it with the forecast's own {@link PathCopula}.
 */
final class QuantileGrid implements PathCopula.Marginals {

    static final double Z_MIN = -4;
    static final double Z_STEP = 0.05;
    static final int POINTS = 161;

    private final double[][] values;
    private final PathCopula copula;

    private QuantileGrid(double[][] values, PathCopula copula) {
        this.values = values;
        this.copula = copula;
    }

    static QuantileGrid of(Forecast forecast) {
        int steps = forecast.horizon();
        double[][] values = new double[steps][POINTS];
        for (int j = 0; j < POINTS; j++) {
            double[] q = forecast.quantile(MarginalForecast.normalCdf(Z_MIN + j * Z_STEP));
            for (int h = 0; h < steps; h++) {
                values[h][j] = j > 0 ? Math.max(q[h], values[h][j - 1]) : q[h];
            }
        }
        return new QuantileGrid(values, PathCopula.of(forecast));
    }

    @Override
    public int steps() {
        return values.length;
    }

    /** One sample path over the table, drawn with the forecast's copula. */
    double[] path(java.util.random.RandomGenerator random) {
        return copula.path(this, random);
    }

    /** The demand at step h whose standard-normal score is z. */
    @Override
    public double at(int h, double z) {
        double u = (z - Z_MIN) / Z_STEP;
        if (u <= 0) {
            return values[h][0];
        }
        if (u >= POINTS - 1) {
            return values[h][POINTS - 1];
        }
        int j = (int) u;
        double[] v = values[h];
        return v[j] + (u - j) * (v[j + 1] - v[j]);
    }
}
