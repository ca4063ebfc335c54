package io.prescient.feedback.forecast;

import io.prescient.feedback.world.HistoryRow;
import org.hipparchus.stat.regression.OLSMultipleLinearRegression;

import java.time.DayOfWeek;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Base demand (before launches and behaviour): log base = a + b t + c weekend + AR(1) residual,
 * fitted by least squares on the last {@code window} days.
 */
public record BaseDemandModel(double intercept, double slope, double weekend, double phi, double sigma, double lastResidual,
                              int lastDay) {

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
        double num = 0;
        double den = 0;
        for (int i = 1; i < n; i++) {
            num += e[i] * e[i - 1];
            den += e[i - 1] * e[i - 1];
        }
        double phi = den > 0 ? Math.max(-0.99, Math.min(0.99, num / den)) : 0;
        double ss = 0;
        for (int i = 1; i < n; i++) {
            double innovation = e[i] - phi * e[i - 1];
            ss += innovation * innovation;
        }
        return new BaseDemandModel(beta[0], beta[1], beta[2], phi, Math.sqrt(ss / Math.max(1, n - 4)), e[n - 1],
                history.size() - 1);
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
        double residual = lastResidual * Math.pow(phi, firstDay - 1 - lastDay);
        for (int h = 0; h < days.length; h++) {
            residual = phi * residual + sigma * random.nextGaussian();
            int t = firstDay + h;
            out[h] = Math.exp(intercept + slope * t + (weekend(days[h]) ? weekend : 0) + residual);
        }
        return out;
    }
}
