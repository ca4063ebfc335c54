package io.prescient.feedback.forecast;

import io.prescient.feedback.world.HistoryRow;
import org.hipparchus.stat.regression.OLSMultipleLinearRegression;

import java.time.DayOfWeek;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Base demand (before launches and behaviour): log base = a + b t + c weekend + AR(1) residual,
 * fitted by least squares on the last {@code window} days. A simulated path draws its trend line
 * from the estimate's covariance (inflated by (1 + phi) / (1 - phi) for the residuals'
 * autocorrelation) and starts from the last observed day, so the trend's uncertainty widens the
 * bands with the horizon.
 */
public record BaseDemandModel(double intercept, double slope, double weekend, double phi, double sigma, double lastResidual,
                              int lastDay, double interceptVariance, double slopeVariance, double covariance) {

    public static BaseDemandModel fit(List<HistoryRow> history, int window) {
        int n = Math.min(window, history.size());
        int from = history.size() - n;
        double[] y = new double[n];
        double[][] x = new double[n][2];
        for (int i = 0; i < n; i++) {
            HistoryRow r = history.get(from + i);
            y[i] = Math.log(r.baseDemand());
            x[i][0] = from + i;
            x[i][1] = weekend(r.date().getDayOfWeek()) ? 1 : 0;
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(y, x);
        double[] beta = ols.estimateRegressionParameters();
        double[] e = ols.estimateResiduals();
        double[] ar = ar1(e);
        double phi = ar[0];
        double ss = ar[1];
        double[][] v = ols.estimateRegressionParametersVariance();
        double errorVariance = ols.estimateErrorVariance() * (1 + Math.abs(phi)) / (1 - Math.abs(phi));
        return new BaseDemandModel(beta[0], beta[1], beta[2], phi, Math.sqrt(ss / Math.max(1, n - 4)), e[n - 1],
                history.size() - 1, v[0][0] * errorVariance, v[1][1] * errorVariance, v[0][1] * errorVariance);
    }

    /** The AR(1) coefficient of residuals (least squares, within +-0.99) and the sum of squared innovations it leaves. */
    public static double[] ar1(double[] e) {
        double num = 0;
        double den = 0;
        for (int i = 1; i < e.length; i++) {
            num += e[i] * e[i - 1];
            den += e[i - 1] * e[i - 1];
        }
        double phi = den > 0 ? Math.max(-0.99, Math.min(0.99, num / den)) : 0;
        double ss = 0;
        for (int i = 1; i < e.length; i++) {
            double innovation = e[i] - phi * e[i - 1];
            ss += innovation * innovation;
        }
        return new double[] {phi, ss};
    }

    static boolean weekend(DayOfWeek d) {
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
    }

    /** Expected base demand on day t (median of the log-normal), given the day of week. */
    public double median(int t, DayOfWeek day) {
        double residual = lastResidual * Math.pow(phi, t - lastDay);
        return Math.exp(intercept + slope * t + (weekend(day) ? weekend : 0) + residual);
    }

    /** One simulated base path from the day after the last observed one. */
    public double[] path(int firstDay, DayOfWeek[] days, SplittableRandom random) {
        double[] out = new double[days.length];
        double sa = Math.sqrt(Math.max(0, interceptVariance));
        double sb = Math.sqrt(Math.max(0, slopeVariance));
        double rho = sa > 0 && sb > 0 ? Math.max(-1, Math.min(1, covariance / (sa * sb))) : 0;
        double z1 = random.nextGaussian();
        double z2 = rho * z1 + Math.sqrt(1 - rho * rho) * random.nextGaussian();
        double a = intercept + sa * z1;
        double b = slope + sb * z2;
        double anchored = lastResidual + intercept + slope * lastDay - a - b * lastDay;
        double residual = anchored * Math.pow(phi, firstDay - 1 - lastDay);
        for (int h = 0; h < days.length; h++) {
            residual = phi * residual + sigma * random.nextGaussian();
            int t = firstDay + h;
            out[h] = Math.exp(a + b * t + (weekend(days[h]) ? weekend : 0) + residual);
        }
        return out;
    }
}
